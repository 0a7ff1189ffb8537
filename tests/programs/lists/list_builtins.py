# tests: list(), len, min, max, sum, sorted, reversed, enumerate, zip on lists
a = [4, -2, 7, 0, 7]
print(list(), list(range(4)), list("hey"), list((1, 2)), list({"a": 1, "b": 2}))
print(len(a), min(a), max(a), sum(a), sorted(a), list(reversed(a)))
print(list(enumerate(a)), list(zip(a, "abc")))
print(a.index(7), a.count(7), any(a), all(a))
print(list(map(abs, a)), list(filter(None, a)))
