# tests: metaclasses: __new__/__init__/__call__ overrides, methods and properties on classes, conflicts, __init_subclass__, __prepare__
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.registered = True
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        inst = super().__call__(*args, **kwargs)
        inst.via_meta = True
        return inst
    def hello(cls):
        return f"hello from {cls.__name__}"
    @property
    def upper_name(cls):
        return cls.__name__.upper()

class A(metaclass=Meta):
    x = 1
    def __init__(self, v):
        self.v = v

print(type(A) is Meta, type(A).__name__, isinstance(A, Meta), isinstance(A, type), A.registered, A.hello(), A.upper_name)
a = A(5)
print(a.v, a.via_meta, type(a).__name__)
class B(A, flag=True):
    pass
print(type(B) is Meta, B.hello())
b = B(6)
print(b.v)
class Plain: pass
print(type(Plain) is type, repr(A))
class Other(type): pass
try:
    class C(A, metaclass=Other): pass
except TypeError as e:
    print(e)
class Base:
    subclasses = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.subclasses.append(cls.__name__)
class S1(Base, tag="one"): pass
class S2(Base): pass
print(S1.tag, S2.tag, Base.subclasses)
try:
    class S3(Base, bogus=1): pass
except TypeError as e:
    print(e)
try:
    class P2(Plain, bogus=1): pass
except TypeError as e:
    print(e)
def func_meta(name, bases, ns):
    return f"made {name}"
class F(metaclass=func_meta):
    pass
print(F)
M2 = Meta("Dyn", (), {"y": 2})
print(M2.y, type(M2).__name__)
D = type("D", (A,), {})
print(type(D).__name__)
class Rep(type):
    def __repr__(cls):
        return f"<Rep {cls.__name__}>"
class R(metaclass=Rep): pass
print(R, repr(R), [R])
class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name)
        return {"prepared": True}
class O(metaclass=Ordered):
    z = 1
print(O.prepared, O.z)
