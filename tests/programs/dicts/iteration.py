# tests: iterating keys/values/items, views reflect changes, modifying during iteration error
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
print(sum(d.values()), max(d), min(d.values()), sorted(d))
ks = d.keys()
d["four"] = 4
print(list(ks), len(ks), "four" in ks)
try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))
for k in list(d):
    if k.endswith("!"):
        del d[k]
print(d)
print(list(reversed(d)), list(reversed(d.items()))[0])
