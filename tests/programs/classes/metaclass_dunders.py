# tests: metaclasses defining special methods for their classes (len, [], iter, ==), dynamic classes, __call__ hooks, keywords to __init__
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["added"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
    def __len__(cls):
        return 7
    def __getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
    def __iter__(cls):
        return iter([1, 2])
    def __eq__(cls, other):
        return cls is other
    __hash__ = type.__hash__ if hasattr(type, "__hash__") else None
class A(metaclass=Meta):
    pass
print(A.added, len(A), A[3], list(A))
print(A == A, A is A)
print(type.__name__, type(type).__name__, type(A).__mro__)
print(isinstance(A, type), issubclass(Meta, type), isinstance(3, Meta))
class B(A):
    def method(self):
        return self.added
print(B.added, B().method(), type(B).__name__)
def make(name):
    return Meta(name, (), {"x": 1})
C = make("Dyn")
print(C.__name__, C.added, C.x, type(C).__name__)
class Counted(type):
    instances = 0
    def __call__(cls, *a, **k):
        Counted.instances += 1
        return super().__call__(*a, **k)
class P(metaclass=Counted):
    def __init__(self, v=0):
        self.v = v
ps = [P(i) for i in range(10)]
print(Counted.instances, ps[3].v)
print(type("X", (object,), {"a": 1}).a, type("Y", (), {})().__class__.__name__)
class WithInit(type):
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)
class Q(metaclass=WithInit, flag=1, other="x"):
    pass
print(Q.kw)
class Abstractish(type):
    def __call__(cls, *args):
        if getattr(cls, "abstract", False):
            raise TypeError(f"Can't instantiate abstract class {cls.__name__}")
        return super().__call__(*args)
class Base(metaclass=Abstractish):
    abstract = True
class Impl(Base):
    abstract = False
print(type(Impl()).__name__)
try:
    Base()
except TypeError as e:
    print(e)
print(type(A).__name__, A.__class__.__name__, Meta.__class__.__name__)
print(repr(Meta), repr(type))
