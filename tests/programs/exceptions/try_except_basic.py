# tests: raise/try/except with `as`, tuple of types, bare except, handler order
try:
    raise ValueError("bad value")
except ValueError as e:
    print("caught", type(e).__name__, e)
try:
    [][0]
except (KeyError, IndexError) as e:
    print("tuple caught", type(e).__name__, e)
try:
    {}["k"]
except (KeyError, IndexError) as e:
    print("tuple caught", type(e).__name__, e)
try:
    1 / 0
except:
    print("bare except")
try:
    int("x")
except Exception:
    print("generic first")
except ValueError:
    print("never reached")
try:
    int("x")
except TypeError:
    print("wrong")
except ValueError:
    print("second handler")
except Exception:
    print("too late")
def f():
    try:
        return undefined
    except NameError as err:
        return "handled: " + str(err)
print(f())
