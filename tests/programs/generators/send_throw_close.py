# tests: generator send/throw/close protocol, return values in StopIteration, GeneratorExit handling, states
import sys

def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return f"final {total}"

g = accumulator()
print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration:", e.value, e.args)

def fresh():
    x = yield 1
    print("got", x)
    yield 2

g = fresh()
try:
    g.send("early")
except TypeError as e:
    print("TypeError:", e)
print(g.send(None), g.send("hello"))

def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside:", e)
        yield "recovered"
    finally:
        print("cleanup")

g = guarded()
print(next(g), g.throw(ValueError("bad")))
try:
    next(g)
except StopIteration:
    print("finished")

g = guarded()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated:", e)

def closer():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
g = closer()
next(g)
g.close()
g.close()
print("closed twice")

def stubborn():
    for _ in range(2):
        try:
            yield
        except GeneratorExit:
            print("ignoring exit")
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(g, "exhausted after ignoring"))

def returns_on_close():
    try:
        yield 1
    finally:
        return "from finally"
g = returns_on_close()
next(g)
print(g.close())

def never_started():
    print("never printed")
    yield
g = never_started()
g.close()
try:
    next(g)
except StopIteration:
    print("closed before start: exhausted")

def throw_type():
    try:
        yield 1
    except TypeError as e:
        yield f"type error: {e}"
g = throw_type()
next(g)
print(g.throw(TypeError("t")))
print(g.throw(TypeError, ) if False else "skip")

def gen_return():
    yield 1
    return 99
g = gen_return()
print(list(g))
g = gen_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
try:
    next(g)
except StopIteration as e:
    print("again value", e.value)

def raiser():
    yield 1
    raise StopIteration("inside")
try:
    list(raiser())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print("ValueError:", e)
