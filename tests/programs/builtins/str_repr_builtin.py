# tests: str() and repr() builtins on nested containers, floats and special values
objs = [0.1, -0.0, 1e16, float("nan"), "a'b", [0.5, "x"], (None,), {1: [2.5]}, True, range(3), 10 ** 20]
for o in objs:
    print(str(o), repr(o))
print(repr(str), repr(len))
