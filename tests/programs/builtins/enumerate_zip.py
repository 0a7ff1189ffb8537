# tests: enumerate (with start), zip (uneven, three-way, empty, strict)
names = ["ann", "bob", "cy"]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=1):
    print(i, n)
print(list(enumerate("ab", 10)), list(enumerate([])))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip([1, 2], [3, 4], [5, 6])))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
print(dict(zip(names, range(3))))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
