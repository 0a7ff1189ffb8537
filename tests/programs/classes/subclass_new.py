# tests: __new__ on ordinary classes: singletons, returning other objects, object.__new__, argument errors
class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            print("creating")
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self):
        print("init runs each time")


a = Singleton()
b = Singleton()
print(a is b, type(a).__name__)


class Factory:
    def __new__(cls, kind):
        if kind == "int":
            return 42
        return object.__new__(cls)

    def __init__(self, kind):
        print("Factory init", kind)
        self.kind = kind


print(Factory("int"), Factory("obj").kind)


class Base:
    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls)
        obj.created_by = cls.__name__
        return obj


class Child(Base):
    def __init__(self, value):
        self.value = value


c = Child(7)
print(c.created_by, c.value, isinstance(c, Base))


class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(NoInit, 1)
except TypeError as e:
    print("TypeError:", e)


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Eq) and self.v == other.v


print(Eq(1) == Eq(1), Eq(1) == Eq(2), Eq.__hash__)
try:
    hash(Eq(1))
except TypeError as e:
    print("TypeError:", e)


class EqHash(Eq):
    def __hash__(self):
        return hash(self.v)


print(hash(EqHash(3)) == hash(3), len({EqHash(1), EqHash(1), EqHash(2)}))


class WithNewOnly:
    def __new__(cls, x):
        inst = super().__new__(cls)
        inst.x = x
        return inst


w = WithNewOnly(5)
print(w.x, type(WithNewOnly.__dict__["__new__"]).__name__)
