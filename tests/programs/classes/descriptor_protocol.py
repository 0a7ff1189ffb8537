# tests: user descriptors: __get__/__set__/__delete__, data vs non-data precedence over the instance dict, __set_name__, class access with instance None, validated fields, __getattribute__ overrides with object.__getattribute__, math.floor/ceil/trunc hooks
import math

class Typed:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.owner}.{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print(f"deleting {self.name}")
        obj.__dict__.pop(self.name, None)

class Product:
    name = Typed(str, "unnamed")
    qty = Typed(int, 0)
    def __init__(self, name, qty):
        self.name = name
        self.qty = qty

p = Product("bolt", 10)
print(p.name, p.qty, vars(p), Product.name.name, Product.qty.owner, type(Product.__dict__["qty"]).__name__)
p.qty += 5
print(p.qty)
for bad in [lambda: setattr(p, "qty", "many"), lambda: Product(3, 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
del p.qty
print(p.qty, "qty" in vars(p))
p.__dict__["name"] = "sneaky"
print(p.name)

class Lazy:
    """A non-data descriptor: the computed value is cached in the instance dict."""
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __set_name__(self, owner, name):
        self.attr = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        self.calls += 1
        value = self.fn(obj)
        obj.__dict__[self.attr] = value
        return value

class Circle:
    def __init__(self, r):
        self.r = r
    @Lazy
    def area(self):
        return round(math.pi * self.r ** 2, 4)
c = Circle(2)
print(c.area, c.area, Circle.area.calls, "area" in vars(c), isinstance(Circle.area, Lazy))
c.area = "overridden"
print(c.area)

class Bound:
    def __get__(self, obj, objtype=None):
        return ("bound", obj is None, objtype.__name__)
class Host:
    b = Bound()
print(Host.b, Host().b)

class Traced:
    def __init__(self):
        self.seen = []
        self.value = 1
    def __getattribute__(self, name):
        if name != "seen":
            object.__getattribute__(self, "seen").append(name)
        if name == "virtual":
            return "computed"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback for {name}"
t = Traced()
print(t.value, t.virtual, t.missing, t.seen)
try:
    object.__getattribute__(t, "nope")
except AttributeError as e:
    print("AttributeError:", e)

class Num:
    def __init__(self, v):
        self.v = v
    def __floor__(self):
        return math.floor(self.v)
    def __ceil__(self):
        return math.ceil(self.v)
    def __trunc__(self):
        return int(self.v)
n = Num(-2.5)
print(math.floor(n), math.ceil(n), math.trunc(n))
