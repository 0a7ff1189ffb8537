# tests: set comprehensions, dedup via sets, sorted output of string sets
print({x % 5 for x in range(20)})
print({x * x for x in range(-4, 5)})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print(sorted({w[0] for w in words}))
print(sorted({len(w) for w in words}))
seen = set()
unique = []
for v in [3, 1, 3, 2, 1, 5, 3]:
    if v not in seen:
        seen.add(v)
        unique.append(v)
print(unique, sorted(seen))
print({(x, y) for x in range(2) for y in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
