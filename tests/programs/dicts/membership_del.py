# tests: in / not in, del d[k], KeyError messages, iteration order after deletion and re-insertion
d = {"a": 1, "b": 2, "c": 3, "d": 4}
print("a" in d, 1 in d, "z" not in d)
del d["b"]
print(d)
d["b"] = 22
print(d, list(d))
d["a"] = 111
print(d)
del d["a"]
d["a"] = 0
print(list(d.items()))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {1: 2}[(1, 2)]
except KeyError as e:
    print("KeyError:", e)
