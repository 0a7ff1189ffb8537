# tests: dict methods in realistic use: setdefault/get/pop/popitem/update/| and |=, views and their set operations, ordering guarantees, copying, fromkeys pitfalls, iteration while building
inventory = {"apple": 3, "pear": 0, "plum": 7}
orders = [("apple", 2), ("kiwi", 1), ("plum", 10), ("pear", 1)]
backorders = {}
for item, qty in orders:
    have = inventory.get(item, 0)
    if have >= qty:
        inventory[item] = have - qty
    else:
        backorders.setdefault(item, []).append(qty - have)
        inventory[item] = 0
print(inventory, backorders)
print(inventory.pop("kiwi"), inventory.pop("banana", "none"), inventory)
try:
    inventory.pop("banana")
except KeyError as e:
    print("KeyError:", e)
print(inventory.popitem(), inventory)
defaults = {"color": "red", "size": "M", "qty": 1}
custom = {"size": "L", "gift": True}
merged = defaults | custom
print(merged, {**custom, **defaults})
defaults |= {"qty": 5}
print(defaults)
defaults.update([("a", 1)], b=2)
print(defaults)
keys = defaults.keys()
vals = defaults.values()
items = defaults.items()
defaults["new"] = None
print(len(keys), list(vals)[-1], ("new", None) in items, keys & {"a", "zzz"}, keys - {"color", "size"} == {"qty", "a", "b", "new"})
print(keys | {"x"} >= {"x", "a"}, items & {("a", 1)}, sorted(keys ^ {"a", "q"}))
shared = dict.fromkeys(["x", "y"], [])
shared["x"].append(1)
print(shared)
fresh = {k: [] for k in ["x", "y"]}
fresh["x"].append(1)
print(fresh)
original = {"list": [1, 2], "n": 1}
shallow = original.copy()
shallow["list"].append(3)
shallow["n"] = 99
print(original, shallow)
d = {}
for word in "one two three two three three".split():
    d[word] = d.get(word, 0) + 1
print(d, max(d, key=d.get), sorted(d, key=lambda k: (-d[k], k)))
try:
    for k in d:
        d[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
for k in list(d):
    if k.endswith("!"):
        del d[k]
print(d, list(reversed(d)), dict(reversed(d.items())))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"].get("c"), nested.get("x", {}).get("y", "deep default"))
print(dict(zip("abc", range(3))), dict([("k", "v")]), dict(a=1, **{"b": 2}), {1: "int", 1.0: "float", True: "bool"})
