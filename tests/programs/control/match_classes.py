# tests: class patterns: __match_args__, keyword attributes, builtin types matching themselves, dataclass-like classes, nesting
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=0):
            return f"3d on plane at {x},{y}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(x=cx, y=cy), r) if r > 0:
            return f"circle at {cx},{cy} r={r}"
        case Circle(_, radius=r):
            return f"degenerate circle r={r}"
    return "unknown"


for p in [Point(0, 0), Point(0, 5), Point(4, 0), Point(2, 2), Point(1, 2), Point3(0, 0, 0), Point3(1, 2, 0), Point3(1, 2, 3), Circle(Point(1, 1), 3), Circle(Point(0, 0), 0), "x"]:
    print(where(p))


def builtin(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i) if i > 10:
            return f"big int {i}"
        case int():
            return "int"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case list([a, *_]):
            return f"list starting {a}"
        case tuple((a, b)):
            return f"pair tuple {a} {b}"
        case dict({"k": k}):
            return f"dict k={k}"
        case set():
            return "a set"
    return f"other {type(v).__name__}"


for v in [True, 42, 3, 2.5, "s", [9, 8], (1, 2), (1, 2, 3), {"k": 0}, {1}, None, frozenset()]:
    print(builtin(v))


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]
    x = 1


class NotStr:
    __match_args__ = (1,)


for subject, label in [(NoArgs(), "NoArgs(1)"), (BadArgs(), "BadArgs(x)"), (NotStr(), "NotStr(v)")]:
    try:
        match subject:
            case NoArgs(v):
                print("matched", v)
            case BadArgs(v):
                print("matched", v)
            case NotStr(v):
                print("matched", v)
    except TypeError as e:
        print(label, "TypeError:", e)
try:
    match 5:
        case int(a, b):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Point(1, 2):
        case Point(1, x=2):
            pass
except TypeError as e:
    print("TypeError:", e)
not_a_class = len
try:
    match 1:
        case not_a_class():
            pass
except TypeError as e:
    print("TypeError:", e)


class Lazy:
    __match_args__ = ("value",)

    @property
    def value(self):
        print("  computing value")
        return 99


match Lazy():
    case Lazy(v):
        print("lazy", v)
match NoArgs():
    case NoArgs(missing=1):
        print("no")
    case NoArgs():
        print("missing attribute means no match")
