# tests: __slots__ with inheritance: slots accumulate, a base without __slots__ brings a __dict__
class Base:
    __slots__ = ("a",)


class Derived(Base):
    __slots__ = ("b",)


d = Derived()
d.a = 1
d.b = 2
print(d.a, d.b, isinstance(d, Base))
try:
    d.c = 3
except AttributeError as e:
    print("AttributeError:", e)


class NoSlots(Base):
    pass


n = NoSlots()
n.a = 1
n.anything = "ok"
print(n.a, n.anything, n.__dict__)


class Plain:
    pass


class SlotsOnPlain(Plain):
    __slots__ = ("x",)


sp = SlotsOnPlain()
sp.y = "dict from Plain"
print(sp.y, sp.__dict__)


class Left:
    __slots__ = ()


class Right:
    __slots__ = ("r",)


class Both(Left, Right):
    __slots__ = ("both",)


b = Both()
b.r = "r"
b.both = "both"
print(b.r, b.both, [c.__name__ for c in Both.__mro__])
try:
    b.l = 1
except AttributeError as e:
    print("AttributeError:", e)


class Tagged(tuple):
    __slots__ = ()

    def first(self):
        return self[0]


t = Tagged((5, 6))
print(t, t.first(), len(t))
try:
    t.extra = 1
except AttributeError as e:
    print("AttributeError:", e)


class Counter3:
    __slots__ = ("count",)

    def __init__(self):
        self.count = 0

    def bump(self):
        self.count += 1
        return self


c = Counter3()
for _ in range(100):
    c.bump()
print(c.count)


class Private:
    __slots__ = ("__secret", "_Other__x")

    def __init__(self):
        self.__secret = 42

    def reveal(self):
        return self.__secret


pv = Private()
print(pv.reveal(), pv._Private__secret)
try:
    pv.__secret = 1
except AttributeError as e:
    print("AttributeError:", e)
