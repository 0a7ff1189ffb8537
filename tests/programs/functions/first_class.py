# tests: functions as values: passing, returning, storing in dicts, __name__
def apply(f, *args):
    return f(*args)
def add(a, b):
    return a + b
def mul(a, b):
    return a * b
ops = {"+": add, "*": mul, "-": lambda a, b: a - b}
for sym in ["+", "*", "-"]:
    print(sym, apply(ops[sym], 6, 7))
print(add.__name__, (lambda: 0).__name__)
def make_multiplier(k):
    def mult(x):
        return x * k
    return mult
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5), make_multiplier("ab")(3))
funcs = [abs, str, len]
print([f(-3) if f is not len else f("xyz") for f in funcs])
print(callable(add), callable(3))
