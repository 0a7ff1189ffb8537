# tests: exceptions as values: str(e), repr(e), e.args, type(e).__name__, multiple args
e = ValueError("msg")
print(str(e), repr(e), e.args, type(e).__name__)
e2 = KeyError("key")
print(str(e2), repr(e2), e2.args)
e3 = Exception("a", 1, None)
print(str(e3), repr(e3), e3.args)
e4 = RuntimeError()
print(repr(str(e4)), repr(e4), e4.args)
e5 = IndexError(42)
print(str(e5), repr(e5))
e6 = KeyError(("tuple", 1))
print(str(e6), repr(e6))
errs = [ZeroDivisionError("z"), TypeError("t"), AttributeError("a")]
print([type(x).__name__ for x in errs], [str(x) for x in errs])
print(isinstance(e, Exception), isinstance(e, BaseException), isinstance(e2, LookupError))
try:
    raise e3
except Exception as caught:
    print(caught is e3, caught.args[1])
