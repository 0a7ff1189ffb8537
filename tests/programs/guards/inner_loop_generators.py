# Generators resumed in place (FOR_ITER_GEN / SEND_GEN) yield and return inside tier 1's
# inner loop; these cross into the main loop mid-flight: exceptions raised and handled
# on both sides of a yield, values sent through `yield from`, a generator abandoned
# and resumed later, deep chains of generators.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


print("chain", sum(evens(count(1000))))


def delegate():
    result = yield from count(5)
    yield result
    got = yield "ready"
    yield got * 2


g = delegate()
print("delegate", [next(g) for _ in range(7)], g.send(21))


def echo():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def drive():
    e = echo()
    next(e)
    for v in range(10):
        e.send(v)
    try:
        e.send(None)
    except StopIteration as stop:
        return stop.value


print("send", drive())


# The exception being handled is the generator's own while it runs, the caller's
# after it yields.
def handler_gen():
    try:
        raise KeyError("inside")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


def observe():
    out = []
    h = handler_gen()
    try:
        raise ValueError("outside")
    except ValueError:
        for name in h:
            out.append((name, sys.exc_info()[0].__name__))
    out.append(sys.exc_info()[0])
    return out


print("exc_info", observe())


def raising(n):
    for i in range(n):
        if i == 3:
            raise RuntimeError(f"at {i}")
        yield i


seen = []
try:
    for v in raising(10):
        seen.append(v)
except RuntimeError as e:
    print("raised", seen, e)

# Abandoned mid-way, then resumed from another loop.
c = count(10)
first = []
for v in c:
    first.append(v)
    if v == 4:
        break
print("resumed", first, list(c))


# A tower of generators deeper than the recursion limit allows to resume.
def tower(depth):
    if depth == 0:
        yield 1
    else:
        yield from tower(depth - 1)


print("tower", list(tower(100)))
try:
    list(tower(2000))
except RecursionError:
    print("tower", "RecursionError")


def comprehension_gen(n):
    return sum(x * x for x in range(n) if x % 3)


print("genexpr", comprehension_gen(500))
