# tests: __slots__: allowed attributes, no __dict__, CPython's AttributeError messages, class attribute conflicts
class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = P(3, -4)
print(p.x, p.y, p.norm1(), P.__slots__, hasattr(p, "x"), hasattr(p, "z"), hasattr(p, "__dict__"))
p.x = 10
print(p.x, getattr(p, "y"), p.norm1())
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(p, "w", 2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(p.__dict__)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(p.z)
except AttributeError as e:
    print("AttributeError:", e)
del p.x
try:
    print(p.x)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 1
print(p.x)


class Single:
    __slots__ = "only"


s = Single()
s.only = "one"
print(s.only, Single.__slots__)
try:
    s.other = 2
except AttributeError as e:
    print("AttributeError:", e)


class WithClassAttr:
    __slots__ = ("a",)
    kind = "constant"

    def method(self):
        return "m"


w = WithClassAttr()
print(w.kind, w.method())
try:
    w.kind = "changed"
except AttributeError as e:
    print("AttributeError:", e)
try:
    w.method = None
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)


class WithDict:
    __slots__ = ("a", "__dict__")


wd = WithDict()
wd.a = 1
wd.anything = 2
print(wd.a, wd.anything, wd.__dict__)


class Empty:
    __slots__ = ()


try:
    Empty().x = 1
except AttributeError as e:
    print("AttributeError:", e)


class Prop:
    __slots__ = ("_v",)

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 2


pr = Prop()
pr.v = 21
print(pr.v, pr._v)
points = [P(i, i + 1) for i in range(200)]
print(sum(q.norm1() for q in points))
print(P.x, type(P.x).__name__, P.y, Single.only, hasattr(P, "x"), "x" in P.__dict__)


class Lazy:
    __slots__ = ("value",)

    def __getattr__(self, name):
        return f"computed {name}"


lz = Lazy()
print(lz.value, lz.other)
lz.value = "set"
print(lz.value)
