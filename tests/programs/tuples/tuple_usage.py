# tests: tuples in ordinary code: unpacking (starred, nested, swap), tuples as dict keys and records, comparison and sorting of tuples, count/index, immutability errors, single-element tuples
point = (3, 4)
x, y = point
first, *middle, last = range(6)
(a, b), c = (1, 2), 3
head, *tail = "xyz"
print(x, y, first, middle, last, a, b, c, head, tail)
x, y = y, x
print(x, y)
records = [("bob", 25, "nyc"), ("amy", 31, "sf"), ("cal", 25, "la")]
for name, age, city in sorted(records, key=lambda r: (r[1], r[0])):
    print(f"{name:>4} {age} {city}")
distances = {("a", "b"): 5, ("b", "c"): 3, ("a", "c"): 9}
print(distances[("a", "b")], distances.get(("c", "a"), "unknown"), sorted(distances, key=distances.get))
t = (1, 2, 2, 3, 2)
print(t.count(2), t.index(3), t[1:4], t[::-1], t + (4,), t * 2, len(t), 2 in t)
print((1,), (), tuple("ab"), tuple(range(3)), (1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), max([(1, "b"), (1, "a")]))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    t.index(42)
except ValueError as e:
    print("ValueError:", e)
nested = ((1, [2, 3]), 4)
nested[0][1].append(99)
print(nested, hash((1, 2)) == hash((1, 2)))
try:
    hash(nested)
except TypeError as e:
    print("TypeError:", e)
def stats(values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, mean = stats([4, 8, 15, 16, 23, 42])
print(lo, hi, mean, stats((1,)))
pairs = list(zip("abc", (1, 2, 3)))
letters, numbers = zip(*pairs)
print(pairs, letters, numbers)
for i, (k, v) in enumerate(sorted({"z": 1, "a": 2}.items())):
    print(i, k, v)
print(divmod(17, 5), tuple(map(abs, (-1, -2))), tuple(sorted((3, 1, 2))), sum((1, 2, 3)), ("a", "b")[True])
