# tests: subclassing tuple with __new__: immutable payload, hashing, unpacking, named fields
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"


p = Point(1, 2)
q = Point(10, 20)
print(p, q, p + q, p.x, q.y, len(p), p[0], p[-1], p[:1], type(p[:1]).__name__)
x, y = p
print(x, y, list(p), tuple(p), p == (1, 2), (1, 2) == p, p < q, isinstance(p, tuple))
print(hash(p) == hash((1, 2)), {p: "p"}[(1, 2)], {(1, 2): "t"}[p], p in {(1, 2)})
print(p.count(1), p.index(2), 2 in p, 5 in p, str(p), "%s" % (p,))
try:
    p[0] = 5
except TypeError as e:
    print("TypeError:", e)


class Pair(tuple):
    pass


pr = Pair([3, 4])
print(pr, repr(pr), type(pr).__name__, pr + (5,), type(pr + (5,)).__name__, Pair(), Pair("ab"))
print(sorted([Pair([2, 1]), Pair([1, 2])]), max(Pair([5, 9, 2])))


class Tagged(tuple):
    def __new__(cls, tag, *items):
        self = super().__new__(cls, items)
        self.tag = tag
        return self

    def __init__(self, tag, *items):
        self.initialised = len(items)


t = Tagged("nums", 1, 2, 3)
print(t, t.tag, t.initialised, len(t), t.__dict__)
try:
    Pair(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    tuple.__new__(int)
except TypeError as e:
    print("TypeError:", e)
try:
    tuple.__new__(5)
except TypeError as e:
    print("TypeError:", e)
print(tuple.__new__(Pair, [7]), tuple.__new__(tuple, [8]), type(tuple.__new__(tuple)).__name__)
