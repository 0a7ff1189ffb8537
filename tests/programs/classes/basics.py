# tests: classes: __init__, methods, class attributes, operator dunders, __eq__/__hash__, inheritance, super(), MRO, exception subclasses, container protocol
class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __hash__(self):
        return hash((self.x, self.y))

p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, (p + q).norm2(), Point.count)
print(p == Point(1, 2), p != q, {p: 1}[Point(1, 2)])
print(type(p).__name__, isinstance(p, Point), p.__class__ is Point)

class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def kind(self):
        return "animal"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return f"{self.name} barks; " + super().speak()

d = Dog("Rex", "lab")
print(d.speak(), d.kind(), d.breed, isinstance(d, Animal), issubclass(Dog, Animal))
print([c.__name__ for c in Dog.__mro__])

class MyError(ValueError):
    pass

try:
    raise MyError("bad value")
except ValueError as e:
    print("caught", type(e).__name__, e, isinstance(e, MyError))

class Counter:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, x):
        return x in self.items
    def add(self, x):
        self.items.append(x)
        return self

c = Counter().add(5).add(7)
print(len(c), c[1], list(c), 5 in c, 9 in c, bool(c))

total = 0
for i in range(1000):
    pt = Point(i, i + 1)
    total += pt.norm2()
print(total)

class A:
    x = 1
class B(A):
    pass
class C(A):
    x = 3
class D(B, C):
    pass
print(D.x, [k.__name__ for k in D.__mro__])
