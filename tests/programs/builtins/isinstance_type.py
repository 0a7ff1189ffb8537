# tests: isinstance with builtin types and tuples of types, type(x).__name__, bool is int
vals = [1, 1.5, "s", True, None, [1], (1,), {"a": 1}, {1}, range(2), len, lambda: 0]
for v in vals:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, (int, float, str)))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(type(1) is int, type(True) is int, type(1) == type(2), type("a") is str)
print(isinstance(1, object), isinstance(None, object), type(None).__name__)
print(type(int).__name__, type(type).__name__, int.__name__, str.__name__)
print(isinstance([], (dict, (set, list))))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
