# Specialized instance attribute loads and stores (LOAD_ATTR_INSTANCE_VALUE,
# LOAD_ATTR_METHOD_WITH_VALUES, STORE_ATTR_INSTANCE_VALUE) whose assumptions break
# mid-loop: every result must be what the generic attribute model gives.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z


def read_loop(points, rounds):
    total = 0
    for _ in range(rounds):
        for p in points:
            total += p.x * 2 + p.y
    return total


def method_loop(points, rounds):
    total = 0
    for _ in range(rounds):
        for p in points:
            total += p.norm1()
    return total


pts = [Point(i, -i) for i in range(10)]
print("read", read_loop(pts, 50))
print("method", method_loop(pts, 50))

# Polymorphic: a subclass through the same sites.
mixed = pts + [Point3(i, i, i) for i in range(5)]
print("read mixed", read_loop(mixed, 50))
print("method mixed", method_loop(mixed, 50))

# A subclass overriding the method, and one with a property of the same name as
# an attribute, through the same polymorphic sites.
class Manhattan(Point):
    def norm1(self):
        return 100 + abs(self.x)


class Frozen(Point):
    def __init__(self, x, y):
        self.x = x

    @property
    def y(self):
        return 7


zoo = [Point(1, 2), Manhattan(3, 4), Frozen(5, 6), Point3(1, 1, 1)] * 3
print("zoo read", read_loop(zoo, 40))
print("zoo method", method_loop(zoo, 40))

# An instance attribute shadows the method half-way.
shadowed = [Point(i, i) for i in range(6)]
results = []
for round in range(60):
    for p in shadowed:
        if round == 30 and p.x == 3:
            p.norm1 = lambda: 1000
        results.append(p.norm1())
print("shadowed", sum(results), results[-6:])

# A class attribute becomes a property half-way: the property wins over the
# instance's own value from then on.
class Box:
    def __init__(self, v):
        self.v = v


boxes = [Box(i) for i in range(5)]
seen = []
for round in range(40):
    if round == 20:
        Box.v = property(lambda self: -1)
    for b in boxes:
        seen.append(b.v)
print("property", seen[:5], seen[-5:], sum(seen))

# A property with a setter appears: stores go through it.
class Cell:
    def __init__(self):
        self.value = 0


cells = [Cell() for _ in range(4)]
log = []
for round in range(30):
    if round == 15:
        def set_value(self, v):
            log.append(v)
            self.__dict__["value"] = v * 10

        Cell.value = property(lambda self: self.__dict__["value"], set_value)
    for c in cells:
        c.value = round
print("setter", [c.value for c in cells], len(log), log[:4])

# An attribute deleted mid-loop falls back to the class attribute.
class Defaulted:
    level = "class"

    def __init__(self):
        self.level = "instance"


objs = [Defaulted() for _ in range(5)]
levels = []
for round in range(40):
    for i, o in enumerate(objs):
        if round == 25 and i == 2:
            del o.level
        levels.append(o.level)
print("deleted", levels.count("instance"), levels.count("class"), levels[-5:])

# Attribute order differs between instances (position hints miss).
class Loose:
    pass


loose = []
for i in range(8):
    o = Loose()
    if i % 2:
        o.a = i
        o.b = -i
    else:
        o.b = -i
        o.a = i
    loose.append(o)
acc = 0
for round in range(40):
    for o in loose:
        o.a = o.a + 1
        acc += o.a - o.b
print("loose", acc, [o.a for o in loose])

# Finally a missing attribute raises AttributeError with CPython's message.
class Empty:
    def __init__(self, n):
        if n < 50:
            self.present = n


for n in range(60):
    e = Empty(n)
    try:
        e.present
    except AttributeError as error:
        print("missing at", n, error)
        break
print(Empty(100).present)
