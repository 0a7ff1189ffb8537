# CALL_ALLOC_AND_ENTER_INIT: a class call specialized to allocate the instance and
# push its `__init__` frame, and every way its guard must fail or fall back.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    pass


def make(n):
    out = []
    for i in range(n):
        out.append(Point(i, i + 1))
        out.append(Point3(i, 2))
    return out


print(sum(p.x + p.y for p in make(60)), type(make(1)[1]).__name__)


# __init__ redefined mid-loop, then a __new__ added, then __init__ removed.
class R:
    def __init__(self, a):
        self.a = a


def build(n):
    res = []
    for i in range(n):
        if i == 30:
            def new_init(self, a):
                self.a = -a
            R.__init__ = new_init
        if i == 40:
            def new_new(cls, a):
                o = object.__new__(cls)
                o.tag = "new"
                return o
            R.__new__ = staticmethod(new_new)
        r = R(i)
        res.append((r.a, getattr(r, "tag", None)))
    return res


print(build(50)[25:45])


# A base class's __init__ replaced: the subclass's constructions see it.
class Base:
    def __init__(self, v):
        self.v = v


class Derived(Base):
    pass


def derived(n):
    total = 0
    for i in range(n):
        if i == 20:
            Base.__init__ = lambda self, v: setattr(self, "v", v * 100)
        total += Derived(i).v
    return total


print(derived(40))


# __init__ returning a value: TypeError at the call.
class Bad:
    def __init__(self, v):
        self.v = v
        if v == 20:
            return 5


def bad():
    made = 0
    for i in range(30):
        try:
            Bad(i)
            made += 1
        except TypeError as e:
            print("caught", i, e)
    return made


print(bad())


# __init__ raising, with the instance half-built; a traceback through the call.
class Raiser:
    def __init__(self, v):
        if v == 25:
            raise ValueError("nope %d" % v)
        self.v = v


def raiser():
    out = 0
    for i in range(30):
        try:
            out += Raiser(i).v
        except ValueError as e:
            print("ValueError", e)
    return out


print(raiser())


# Called with a different argument count (a keyword, a default) at the same site.
class Opt:
    def __init__(self, a, b=7):
        self.s = a + b


def opt(n):
    total = 0
    for i in range(n):
        total += Opt(i).s
    return total


print(opt(30))


class Two:
    def __init__(self, a, b):
        self.s = a * b


def two(n):
    total = 0
    for i in range(n):
        if i < 20:
            total += Two(i, 2).s
        else:
            total += Two(i, b=3).s
    try:
        Two(1)
    except TypeError as e:
        print(e)
    return total


print(two(30))


# One site, many classes (polymorphic), including one with a metaclass and one
# with a builtin base.
class Meta(type):
    def __call__(cls, *args):
        print("Meta call", cls.__name__, args)
        return super().__call__(*args)


class WithMeta(metaclass=Meta):
    def __init__(self, a):
        self.a = a


class MyList(list):
    def __init__(self, a):
        super().__init__([a, a])


class Plain:
    def __init__(self, a):
        self.a = a


def poly():
    out = []
    for cls in [Plain] * 20 + [WithMeta, MyList, Plain, ValueError]:
        out.append(cls(3))
    return [type(o).__name__ for o in out[-4:]], out[-3]


print(poly())


# Recursion inside __init__ ends in RecursionError, not a crash.
class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1) if n < 100000 else None


try:
    Deep(0)
except RecursionError:
    print("RecursionError")


# A generator __init__ is never entered inline (its call returns a generator).
class GenInit:
    def __init__(self):
        yield 1


for _ in range(20):
    try:
        GenInit()
    except TypeError as e:
        msg = str(e)
print(msg)


# super().__init__ and zero-argument super inside an inline __init__ frame.
class A:
    def __init__(self, x):
        self.x = x


class B(A):
    def __init__(self, x):
        super().__init__(x + 1)
        self.y = x


print(sum(B(i).x + B(i).y for i in range(40)))
