# tests: __eq__/__hash__ contract: sets and dict keys of user objects, __hash__ = None, default identity hashing, __ne__ derived from __eq__
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"

pts = [Point(1, 2), Point(1, 2), Point(2, 1), Point(0, 0)]
s = set(pts)
print(len(s), Point(1, 2) in s, Point(5, 5) in s)
d = {p: i for i, p in enumerate(pts)}
print(len(d), d[Point(1, 2)], d.get(Point(9, 9), "missing"))
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 2), Point(1, 2) != Point(2, 1))
print(Point(1, 2) == (1, 2), (1, 2) == Point(1, 2), Point(0, 0) != "x")
print(pts.count(Point(1, 2)), pts.index(Point(2, 1)), Point(0, 0) in pts)

class NoHash:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, NoHash) and self.v == other.v

print(NoHash.__hash__ is None)
try:
    {NoHash(1)}
except TypeError as e:
    print("TypeError:", e)
try:
    hash(NoHash(2))
except TypeError as e:
    print("TypeError:", e)
try:
    {NoHash(3): 1}
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, hash(a) == hash(a), len({a, b, a}))

class Explicit:
    __hash__ = None
try:
    hash(Explicit())
except TypeError as e:
    print("TypeError:", e)

class Child(Point):
    pass
print(Child(1, 2) == Point(1, 2), hash(Child(3, 4)) == hash(Point(3, 4)), len({Child(1, 2), Point(1, 2)}))

class CaseInsensitive:
    def __init__(self, s):
        self.s = s
    def __eq__(self, other):
        return self.s.lower() == other.s.lower()
    def __hash__(self):
        return hash(self.s.lower())
    def __repr__(self):
        return self.s
words = [CaseInsensitive(w) for w in ["Apple", "apple", "APPLE", "Pear", "pear", "fig"]]
unique = []
seen = set()
for w in words:
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique, len(seen))

class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)

class BigHash:
    def __hash__(self):
        return 2 ** 70
print(hash(BigHash()) == hash(2 ** 70))
