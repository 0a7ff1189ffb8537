# tests: dict(a=1), dict(zip(...)), dict(list of pairs), dict comprehension, fromkeys
print(dict(a=1, b=2))
print(dict(zip(["x", "y", "z"], [1, 2, 3])))
print(dict(zip("abc", range(10))))
print(dict([("k", "v"), ("k2", "v2"), ("k", "override")]))
print(dict({"a": 1}, b=2))
print({k: v * 2 for k, v in [("a", 1), ("b", 2)]})
print({x: x * x for x in range(6) if x % 2})
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"))
print({**{"a": 1, "b": 2}, **{"b": 3, "c": 4}})
print({"a": 1} | {"a": 2, "b": 3})
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
