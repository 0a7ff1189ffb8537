# tests: dict subscript/store where keys switch between 1, 1.0, True (same key), 0/-0.0/False, bigints and their float equals, tuples, strs
d = {}
for i in range(300):
    k = [1, 1.0, True][i // 100]
    d[k] = d.get(k, 0) + 1
print(d, list(d.keys()), type(list(d)[0]).__name__)

z = {}
for i in range(180):
    k = [0, -0.0, False, 0.0][i % 4] if i >= 60 else 0
    z[k] = z.get(k, 0) + i
print(z)

big = {2 ** 64: "b", 2 ** 53: "p", -1: "neg"}
hits = []
for i in range(160):
    k = 2 ** 64 if i < 60 else (float(2 ** 64) if i < 100 else (2 ** 53 + 1 if i < 130 else -1.0))
    hits.append(big.get(k, "miss"))
print(hits[0], hits[60], hits[100], hits[130], hits.count("miss"))

mixed = {}
keys = [1, "1", (1,), 1.5, (1, "1"), 2 ** 70, -5, "", ()]
for i in range(270):
    k = keys[i % len(keys)]
    mixed[k] = mixed.get(k, 0) + 1
    if i == 200:
        mixed[True] = 1000
        mixed[(1.0,)] = 2000
print(list(mixed.items()))
try:
    mixed[[1]] = 2
except TypeError:
    print("unhashable list key")
print({1: "a", 1.0: "b", True: "c"}, {0: 1}[False], {(1, 2): 3}[(1.0, 2.0)])
