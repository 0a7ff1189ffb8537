# tests: list elements of changing types summed in a loop; dict values switching types
items = [1, 2, 3]
total = 0
for r in range(4):
    for v in items:
        total += v
    if r == 0:
        items = [1.5, 2.5]
    elif r == 1:
        items = [10 ** 20, -(10 ** 20), 7]
    elif r == 2:
        items = [True, False]
print(total, type(total).__name__)
d = {"v": 0}
for i in range(10):
    d["v"] = d["v"] + (i if i < 5 else i / 2)
print(d)
