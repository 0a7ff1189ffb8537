# tests: dict literal, insertion order, get/setdefault/pop/popitem/update/keys/values/items/copy/clear
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("b"), d.pop("zz", "default"), d)
print(d.popitem(), d)
d.update({"x": 10, "a": -1})
d.update(y=20)
d.update([("z", 30)])
print(d)
e = d.copy()
e["new"] = 1
print(d, e)
d.clear()
print(d, len(d), e)
print({}, dict())
