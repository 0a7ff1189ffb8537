# tests: sort with key, reverse, stability; sorted() non-mutating; mixed int/float sort
a = [5, 2, 9, 1, 5, 6]
a.sort(); print(a)
a.sort(reverse=True); print(a)
words = ["banana", "Apple", "cherry", "date", "fig", "Elder"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(pairs))
recs = [("x", 3), ("y", 1), ("z", 3), ("w", 1), ("v", 2)]
recs.sort(key=lambda r: r[1]); print(recs)
recs.sort(key=lambda r: -r[1]); print(recs)
print(sorted([3, 1.5, 2, -0.5, True]))
print(sorted([[2, 1], [1, 2], [1], []]))
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
b = [3, 2, 1]
c = sorted(b)
print(b, c, b.sort(), b)
