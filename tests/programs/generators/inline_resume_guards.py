# FOR_ITER_GEN / SEND_GEN resume a generator's frame inside the running loop. Every
# way that frame can leave (yield, return, raise, StopIteration inside) and every
# state the generator can be in when the instruction runs.


def gen(n):
    for i in range(n):
        yield i * 2


def consume():
    t = 0
    for k in range(30):
        for v in gen(k):
            t += v
    return t


print(consume())


def gen_raise(n):
    for i in range(n):
        if i == 5:
            raise KeyError(i)
        yield i


def consume_raise():
    for k in range(10):
        try:
            for v in gen_raise(k):
                pass
        except KeyError as e:
            print("KeyError", e, e.__context__)


consume_raise()


def ctx_gen():
    yield 1
    raise IndexError("in gen")


def ctx():
    for k in range(5):
        try:
            raise ValueError("outer")
        except ValueError:
            try:
                for v in ctx_gen():
                    pass
            except IndexError as e:
                print("ctx", repr(e), repr(e.__context__))


ctx()


def handled_inside():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1
        import sys
        yield repr(sys.exception())


def handled():
    for k in range(4):
        try:
            raise ValueError("outer")
        except ValueError:
            print([v for v in handled_inside()])
    import sys
    print(sys.exception())


handled()


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build_tree(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build_tree(lo, mid - 1), mid, build_tree(mid + 1, hi))


t = build_tree(1, 100)
for k in range(5):
    print(sum(list(t)), sum(x for x in t), max(iter(t)))


def echo():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def delegate():
    r = yield from echo()
    yield ("done", r)


def drive():
    for k in range(5):
        g = delegate()
        next(g)
        for i in range(10):
            g.send(i)
        print(next(g))


drive()


def stop_gen():
    yield 1
    raise StopIteration


def stop_consume():
    for k in range(4):
        try:
            for v in stop_gen():
                pass
        except RuntimeError as e:
            print("RuntimeError", e, type(e.__cause__).__name__)


stop_consume()


def self_reference():
    g = None

    def inner():
        yield 1
        yield next(g)

    for k in range(3):
        g = inner()
        try:
            for v in g:
                pass
        except ValueError as e:
            print("ValueError", e)


self_reference()


def finished_then_iterated():
    g = gen(3)
    for k in range(25):
        for v in g:
            pass
    print(list(g), next(g, "exhausted"))


finished_then_iterated()


def send_to_fresh():
    def sub():
        yield 1

    def outer(s):
        yield from s

    for k in range(3):
        s = sub()
        o = outer(s)
        print(next(o), list(o))
    try:
        o = outer(sub())
        o.send(5)
    except TypeError as e:
        print("TypeError", e)


send_to_fresh()


def throw_into_delegation():
    def sub():
        try:
            yield 1
            yield 2
        except KeyError:
            yield "sub caught"

    def outer():
        r = yield from sub()
        yield r

    for k in range(3):
        o = outer()
        print(next(o), o.throw(KeyError("k")), list(o))


throw_into_delegation()


def deep(n):
    if n == 0:
        yield 0
        return
    yield from deep(n - 1)


print(list(deep(50)))
try:
    print(list(deep(100000)))
except RecursionError:
    print("RecursionError")
