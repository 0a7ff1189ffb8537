from collections import namedtuple


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), p._fields)
x, y = p
print(x + y, p == (1, 2), p == Point(1, 2), p != Point(2, 1), hash(p) == hash((1, 2)))
print(Point(y=5, x=3), Point._make([7, 8]), p._replace(y=9), p._asdict())
print(type(p), type(p).__name__, sorted([Point(2, 1), Point(1, 5)]))
Color = namedtuple("Color", "red green blue")
print(Color(1, 2, 3), Color._fields)
Person = namedtuple("Person", "name, age, city", defaults=["Paris"])
print(Person("Ann", 30), Person("Bob", 40, "Rome"), Person._field_defaults)
R = namedtuple("R", ["a", "a", "class"], rename=True)
print(R._fields)
print(p[:1], 1 in p, p.count(1), p.index(2), max(p), sum(Point(3, 4)))
print({Point(0, 0): "origin"}[Point(0, 0)], str(Point(1, 2)), f"{p}")
pts = [Point(i, i * i) for i in range(4)]
print([q.y for q in pts])
show(Point, 1)
show(Point, 1, 2, 3)
show(Point, 1, y=2, z=3)
show(Point, 1, x=2)
show(Point)
show(namedtuple("Q", "a b c"))
show(p._replace, z=3)
show(namedtuple, "P", "x x")
show(namedtuple, "P", "_x")
show(namedtuple, "P", "class")
show(namedtuple, "P", "1x")
show(namedtuple, "1P", "x")
show(p.__getitem__, 5)
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError:", e)
print(tuple(p), "%s-%s" % tuple(p), "{}/{}".format(*p), list(zip(*[Point(1, 2), Point(3, 4)])))
