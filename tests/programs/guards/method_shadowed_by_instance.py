# LOAD_ATTR_METHOD_WITH_VALUES: a method call site keeps hitting while the instance's
# namespace lacks the name (proved by the namespace's hash bits or by lookup) and
# misses once an instance attribute shadows the method, also after the namespace
# was cleared or the attribute deleted again; polymorphic subclasses through the
# memo of class facts.


class Shape:
    def area(self):
        return 1

    def name(self):
        return "shape"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Circle(Shape):
    def __init__(self, r):
        self.r = r


def total(shapes):
    t = 0
    for s in shapes:
        t += s.area()
    return t


shapes = [Square(i) if i % 2 else Circle(i) for i in range(40)]
print(total(shapes))
shapes[3].area = lambda: 1000
print(total(shapes))
del shapes[3].area
print(total(shapes))
shapes[5].__dict__.clear()
shapes[5].area = lambda: -5
print(total(shapes))
shapes[5].__dict__.clear()
shapes[5].side = 2
print(total(shapes))
# Many attributes in one namespace (every hash bit likely set): still exact.
many = Circle(0)
for i in range(100):
    setattr(many, "attr%d" % i, i)
print(sum(many.area() for _ in range(30)))
setattr(many, "".join(["ar", "ea"]), lambda: 7)
print(sum(many.area() for _ in range(30)))
print([s.name() for s in shapes[:3]])
Shape.name = lambda self: "renamed"
print([s.name() for s in shapes[:3]])
