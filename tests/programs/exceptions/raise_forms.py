# tests: raise class vs instance, raising non-exception is TypeError, custom args
def attempt(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(e))
def r1():
    raise ValueError
def r2():
    raise ValueError("with arg")
def r3():
    raise 42
def r4():
    raise IndexError("a", "b")
def r5():
    raise Exception()
def r6():
    raise SystemExit(5)
for f in [r1, r2, r3, r4, r5, r6]:
    attempt(f)
