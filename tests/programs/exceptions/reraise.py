# tests: bare raise re-raises current exception, raise e, raise from, exception chaining attributes
def risky():
    try:
        return 1 / 0
    except ZeroDivisionError:
        print("logging then re-raising")
        raise
try:
    risky()
except ZeroDivisionError as e:
    print("outer:", e)
try:
    try:
        int("nope")
    except ValueError as e:
        raise KeyError("converted") from e
except KeyError as e:
    print(repr(e), type(e.__cause__).__name__, e.__cause__)
try:
    try:
        [].pop()
    except IndexError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), type(e.__context__).__name__, e.__context__)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
err = None
try:
    raise OSError("stored")
except OSError as e:
    err = e
print(repr(err))
