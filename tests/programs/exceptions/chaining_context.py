# tests: exception chaining: raise from, implicit __context__, from None, __suppress_context__, context of nested handlers
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e

try:
    parse("x1")
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))

try:
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("hidden context") from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)

try:
    raise IndexError("no context")
except IndexError as e:
    print(e.__context__, e.__cause__, e.__suppress_context__)

def layered():
    try:
        try:
            raise OSError("first")
        except OSError:
            raise KeyError("second")
    except KeyError:
        raise LookupError("third")
try:
    layered()
except LookupError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(f"{type(cur).__name__}({cur})")
        cur = cur.__context__
    print(" <- ".join(chain))

try:
    raise ValueError("v") from KeyError("k")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)

try:
    raise ValueError("bad cause") from 42
except TypeError as e:
    print("TypeError:", e)

try:
    raise ValueError("class cause") from KeyError
except ValueError as e:
    print(repr(e.__cause__))

e = ValueError("manual")
e.__cause__ = OSError("set by hand")
print(e.__suppress_context__, repr(e.__cause__))
e.__context__ = KeyError("ctx")
print(repr(e.__context__))

def reraise_keeps_context():
    try:
        raise OSError("base")
    except OSError:
        try:
            raise ValueError("mid")
        except ValueError as inner:
            caught = inner
        raise
try:
    reraise_keeps_context()
except OSError as e:
    print("reraised", repr(e), e.__context__)

try:
    try:
        raise KeyError("a")
    finally:
        print("finally runs, exception pending")
except KeyError as e:
    print("after finally", repr(e))

try:
    try:
        raise KeyError("lost")
    finally:
        raise ValueError("from finally")
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))

err = None
try:
    raise NameError("temp")
except NameError as exc:
    err = exc
print(repr(err))
try:
    exc
except NameError as e2:
    print("exc unbound after except:", e2)
