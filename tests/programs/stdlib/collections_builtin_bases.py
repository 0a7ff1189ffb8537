# tests: defaultdict/OrderedDict/Counter are real dict subclasses, namedtuple classes real tuple subclasses
from collections import defaultdict, OrderedDict, Counter, namedtuple

dd = defaultdict(list)
dd["a"].append(1)
dd["b"].append(2)
dd["a"].append(3)
print(dd, isinstance(dd, dict), issubclass(defaultdict, dict), type(dd).__mro__)
print(dict(dd), len(dd), sorted(dd), dd == {"a": [1, 3], "b": [2]}, {"a": [1, 3], "b": [2]} == dd, "a" in dd, "z" in dd)
print(dd.get("z"), "z" in dd, dd["z"], "z" in dd, dd.default_factory, dd.copy(), type(dd.copy()).__name__)
counts = defaultdict(int)
for word in "the cat and the hat and the bat".split():
    counts[word] += 1
print(sorted(counts.items()), max(counts, key=counts.get), {**counts}["the"])
dn = defaultdict()
try:
    dn["x"]
except KeyError as e:
    print("KeyError", e)

od = OrderedDict([("b", 2), ("a", 1)])
od["c"] = 3
od.move_to_end("b")
print(od, isinstance(od, dict), list(od), list(od.keys()), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, OrderedDict())
print(OrderedDict.fromkeys("xyz", 0), list(reversed(OrderedDict.fromkeys("pqr"))))

c = Counter("abracadabra")
print(c, isinstance(c, dict), c["a"], c["zzz"], "zzz" in c, len(c), c.most_common(2), c.total())
c.update("aaz")
c.subtract({"b": 1})
print(c, sorted(c.elements())[:6], dict(c) == {k: c[k] for k in c})
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=1) == Counter(a=1, b=0))
print(Counter(a=3) & Counter(a=1, b=2), Counter(a=3) | Counter(a=1, b=2), -Counter(a=-2, b=1), +Counter(a=-2, b=1))
del c["nothing"]
print(sorted(c.items()), Counter(), Counter({"x": 2}), c == dict(c))

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, isinstance(p, tuple), issubclass(Point, tuple), p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
x, y = p
print(x, y, p == (1, 2), (1, 2) == p, hash(p) == hash((1, 2)), p + (3,), p * 2, p < Point(1, 3), sorted([Point(2, 0), p]))
print(p._asdict(), p._replace(x=10), Point._make([5, 6]), Point._fields, p.count(1), p.index(2), 2 in p)
print({p: "found"}[(1, 2)], f"{p}", str(p), repr(p), type(p).__name__, Point.__mro__)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Point._make([1])
except TypeError as e:
    print("TypeError:", e)
Dflt = namedtuple("Dflt", ["a", "b", "c"], defaults=[0, 9])
print(Dflt(1), Dflt(1, 2), Dflt(1, c=5), Dflt._field_defaults)


class Vector(namedtuple("VectorBase", "dx dy")):
    def length2(self):
        return self.dx ** 2 + self.dy ** 2


v = Vector(3, 4)
print(v, v.length2(), isinstance(v, tuple), v[1])
