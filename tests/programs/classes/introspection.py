# tests: class introspection: __class__, __name__, __qualname__, __module__, __dict__ of instances and classes, __bases__, isinstance/issubclass with tuples, type() comparisons
class Outer:
    class Inner:
        def method(self):
            pass
    def method(self):
        def local():
            pass
        return local

o = Outer()
print(o.__class__ is Outer, type(o) is Outer, o.__class__.__name__, Outer.__name__, Outer.__qualname__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.Inner.method.__qualname__, o.method().__qualname__)
print(Outer.__module__, Outer.method.__name__, Outer.__bases__, Outer.Inner().__class__.__qualname__)

class Base:
    kind = "base"
    def __init__(self):
        self.a = 1
class Derived(Base):
    kind = "derived"
    extra = [1, 2]
    def __init__(self):
        super().__init__()
        self.b = 2

d = Derived()
print(d.__dict__, sorted(k for k in Derived.__dict__ if not k.startswith("__")), "kind" in Base.__dict__)
d.__dict__["c"] = 3
print(d.c, vars(d), d.kind, Derived.kind, Base.kind)
d.kind = "instance"
print(d.kind, Derived.kind, d.__dict__["kind"])
del d.kind
print(d.kind)

print(isinstance(d, (int, Base)), isinstance(3, (str, float)), issubclass(Derived, (int, Base)), issubclass(bool, int))
print(isinstance(True, int), isinstance(1, bool), issubclass(Derived, object), isinstance(Derived, type), isinstance(type, type))
print(type(d) == Derived, type(d) != Base, type(3) is int, type("") is str, type(None).__name__, type(type).__name__)
try:
    isinstance(d, "Base")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(d, Base)
except TypeError as e:
    print("TypeError:", e)

class Shared:
    instances = []
    def __init__(self, v):
        self.v = v
        Shared.instances.append(self)
        type(self).count = getattr(type(self), "count", 0) + 1
class SubShared(Shared):
    pass
Shared(1); Shared(2); SubShared(3)
print(len(Shared.instances), Shared.count, SubShared.count, [s.v for s in SubShared.instances])

Dyn = type("Dyn", (Base,), {"kind": "dynamic", "hello": lambda self: "hi from " + type(self).__name__})
x = Dyn()
print(Dyn.__name__, x.kind, x.hello(), x.a, Dyn.__mro__[1].__name__, isinstance(x, Base))
print(repr(Outer).startswith("<class '__main__.Outer'"), repr(Outer.Inner), str(int), repr(type(o.method)))
print(callable(o.method), o.method.__self__ is o, o.method.__func__ is Outer.method)
