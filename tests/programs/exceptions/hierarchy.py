# tests: builtin exception hierarchy: ArithmeticError, LookupError, Exception, BaseException
try:
    1 // 0
except ArithmeticError as e:
    print("ArithmeticError caught", type(e).__name__)
try:
    2.0 ** 10000
except ArithmeticError as e:
    print("ArithmeticError caught", type(e).__name__)
try:
    {}["x"]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    [1][5]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    undefined_thing
except Exception as e:
    print("Exception caught", type(e).__name__)
try:
    x = None
    x.attr
except Exception as e:
    print("Exception caught", type(e).__name__)
try:
    raise UnboundLocalError("u")
except NameError as e:
    print("NameError caught", type(e).__name__)
try:
    raise RecursionError("r")
except RuntimeError as e:
    print("RuntimeError caught", type(e).__name__)
try:
    raise NotImplementedError("n")
except RuntimeError as e:
    print("RuntimeError caught", type(e).__name__)
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
         (IndexError, LookupError), (ValueError, Exception), (Exception, BaseException), (KeyError, ValueError),
         (StopIteration, Exception), (AssertionError, Exception), (bool, int)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
