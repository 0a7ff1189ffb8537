# tests: rich comparisons: reflected fallbacks, NotImplemented, chained comparisons with user objects, sorting stability with keys, max/min with __lt__ only, errors for unorderable types
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
    def __eq__(self, other):
        print(f"  eq {self} {other}")
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __hash__(self):
        return hash(self.parts)

a, b, c = Version(1, 0), Version(1, 2), Version(2,)
print(a < b, b > a, a < b < c, c < b)
print(sorted([c, a, b]), max([a, c, b]), min(c, b))
print(a == Version(1, 0))
print(a == "1.0")
print(a != b)
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)
try:
    a < 3
except TypeError as e:
    print("TypeError:", e)

class Reverse:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print("  Reverse.__gt__ called")
        return self.v > other
    def __lt__(self, other):
        return self.v < other
    def __repr__(self):
        return f"R({self.v})"
print(5 < Reverse(7), 9 < Reverse(7), Reverse(3) < 4)

class Sub(Version):
    def __eq__(self, other):
        print("  Sub.__eq__ first")
        return isinstance(other, Version) and self.parts == other.parts
    __hash__ = Version.__hash__
print(Version(1) == Sub(1))

rows = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(rows, key=lambda r: r[1]), sorted(rows), sorted(rows, key=lambda r: r[0], reverse=True))
people = [{"n": "x", "age": 30}, {"n": "y", "age": 25}, {"n": "z", "age": 30}]
print([p["n"] for p in sorted(people, key=lambda p: -p["age"])])

for pair in [(1, "a"), ([1], (1,)), (None, 0), ({1}, [1])]:
    try:
        print(pair[0] < pair[1])
    except TypeError as e:
        print("TypeError:", e)
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", {1} < {1, 2}, {1, 2} <= {1, 2}, [1] == [1.0])
print(1 < 2.5 < 3, 1 == 1.0 == True, "a" < "b" > "a", 3 > 2 != 2)
x = [Version(3), Version(1), Version(2)]
x.sort(reverse=True)
print(x)
