# tests: generators: yield, send, return value via StopIteration, yield from, infinite generators, throw/close with try/finally, PEP 479, generator expressions with builtins
def gen(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("got", x)
    return "done"

g = gen(3)
print(next(g), g.send("a"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(list(gen(4)), sum(x * x for x in range(10)))
print([y for y in (c.upper() for c in "abc")])

def deleg():
    r = yield from gen(2)
    print("delegated result", r)
    yield "end"
print(list(deleg()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])

def catcher():
    try:
        yield 1
    except ValueError as e:
        print("caught in gen", e)
        yield 2
    finally:
        print("finally in gen")
c = catcher()
print(next(c), c.throw(ValueError("boom")))
c.close()
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
print(type(gen(1)).__name__, any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))
print(dict((k, v) for k, v in zip("ab", range(2))), max(x % 7 for x in range(100)))
total = 0
for v in (i * 2 for i in range(100000)):
    total += v
print(total)
