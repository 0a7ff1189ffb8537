# tests: function decorators (stacked, with arguments, preserving names via functools.wraps), class decorators, decorators returning non-functions
import functools

def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args}{kwargs if kwargs else ''} -> {result!r}")
        return result
    return wrapper

def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        wrapper.__name__ = "repeat_" + fn.__name__
        return wrapper
    return deco

def bold(fn):
    return lambda *a: "<b>" + fn(*a) + "</b>"

def italic(fn):
    return lambda *a: "<i>" + fn(*a) + "</i>"

@trace
def add(a, b=2, *, c=0):
    """Add things."""
    return a + b + c

add(1)
add(1, 5, c=10)
print(add.__name__, add.__doc__, add.__wrapped__(1, 1))

@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bo"), hello.__name__)

@bold
@italic
def text(s):
    return s
print(text("x"))

order = []
def mark(label):
    order.append("factory " + label)
    def deco(fn):
        order.append("apply " + label)
        return fn
    return deco

@mark("a")
@mark("b")
def f():
    pass
print(order)

registry = {}
def register(name=None):
    def deco(obj):
        registry[name or obj.__name__] = obj
        return obj
    return deco

@register()
class Widget:
    pass

@register("gadget")
class Gadget:
    size = 3

@register()
def helper():
    return "helped"

print(sorted(registry), registry["gadget"].size, registry["helper"]())

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

@add_repr
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Pt(1, "two"), [Pt(0, 0)])

def constant(fn):
    return fn()

@constant
def answer():
    return 42
print(answer, type(answer).__name__)

class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)

@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.calls, square.__name__)

def memoize(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner

@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(80), len(slow_fib.cache))

class Service:
    @staticmethod
    @trace
    def ping(x):
        return x * 2
    @classmethod
    @trace
    def build(cls, v):
        return v + 1
print(Service.ping(4), Service().build(9))
