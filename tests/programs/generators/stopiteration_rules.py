# tests: StopIteration rules: PEP 479 conversion inside generators, StopIteration from next() in plain functions, return value semantics, StopIteration raised by iterator classes stopping for-loops, next with default
def leaky(it):
    while True:
        yield next(it)

try:
    print(list(leaky(iter([1, 2, 3]))))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def safe(it):
    for x in it:
        yield x
print(list(safe(iter([1, 2, 3]))))

def plain_next(it):
    return next(it)
try:
    plain_next(iter([]))
except StopIteration as e:
    print("StopIteration from a plain function:", repr(e), e.value)

def explicit_stop():
    yield 1
    raise StopIteration(5)
g = explicit_stop()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__, e.__cause__.value)

def return_value():
    yield "a"
    return {"result": 42}
g = return_value()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)

class Limited:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration("done", self.i)
        self.i += 1
        return self.i
print(list(Limited(3)), [x * 2 for x in Limited(2)], sum(Limited(4)))
it = Limited(1)
print(next(it), next(it, "exhausted"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration args:", e.args, e.value)

def gen_in_gen():
    inner = (x for x in [])
    try:
        yield next(inner)
    except StopIteration:
        yield "caught inside generator"
print(list(gen_in_gen()))

def uses_yield_from_stop():
    result = yield from Limited(2)
    yield ("sub-iterator returned", result)
print(list(uses_yield_from_stop()))
e = StopIteration()
print(e.value, StopIteration(1, 2).value, repr(StopIteration("x")))
