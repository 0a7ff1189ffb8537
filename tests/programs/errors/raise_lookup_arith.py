# tests: uncaught ArithmeticError raised explicitly after catching a LookupError
try:
    raise LookupError("lookup")
except LookupError as e:
    print("caught", e)
raise ArithmeticError("arith")
