# tests: exception objects as values: args, str/repr of builtin exceptions with various args, KeyError quirks, OSError-free attributes, exception in list, isinstance checks against tuples of exception classes, re-raising modified exceptions
errors = [ValueError(), ValueError("v"), ValueError("a", 1), KeyError("k"), KeyError(), IndexError(3),
          ZeroDivisionError("zd"), TypeError(None), RuntimeError(["list"]), AttributeError("x"), StopIteration(7)]
for e in errors:
    print(type(e).__name__, repr(e), str(e), e.args, len(e.args))
print(isinstance(KeyError(), LookupError), isinstance(IndexError(), (KeyError, ValueError)), issubclass(ZeroDivisionError, ArithmeticError))
print([c.__name__ for c in ZeroDivisionError.__mro__], [c.__name__ for c in KeyError.__mro__])
print(issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(GeneratorExit, Exception))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError), issubclass(UnboundLocalError, NameError), issubclass(OverflowError, ArithmeticError))

def risky(kind):
    if kind == 0:
        return {}["missing"]
    if kind == 1:
        return [][0]
    if kind == 2:
        return int("x")
    if kind == 3:
        return None.attr
    if kind == 4:
        return undefined_thing
    if kind == 5:
        return 1 + "1"
    return "fine"

for k in range(7):
    try:
        print(risky(k))
    except (LookupError, ValueError) as e:
        print("lookup/value:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)

def annotate():
    try:
        risky(2)
    except ValueError as e:
        e.args = e.args + ("while annotating",)
        raise
try:
    annotate()
except ValueError as e:
    print(e.args)

caught = []
for exc_type in (ValueError, TypeError, KeyError):
    try:
        raise exc_type("message for " + exc_type.__name__)
    except Exception as e:
        caught.append(e)
print(caught, [str(c) for c in caught])
e = Exception("a", "b")
a, b = e.args
print(a, b, e.with_traceback(None) is e)
