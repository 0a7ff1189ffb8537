# tests: class and function metadata: ascii()/!a, class docstrings, class and function annotations (string and evaluated), __module__, default __init__, type() and __mro__ of instances
class A:
    def __repr__(self): return "A()"
print(ascii("héllo"), ascii(A()), "{!a}".format("ü"), f"{'ü'!a}")
print(isinstance(A, type), type(A), type(A()).__mro__, A.__class__)
print(A.__init__ is object.__init__, A.__doc__, A.__module__)
class B:
    "doc of B"
    x: int = 5
    y: str
print(B.__doc__, B.x, B.__annotations__ if hasattr(B, "__annotations__") else "-")
def f(a: int, b: "str" = "x") -> bool:
    return True
print(f.__annotations__)
print(A().__class__.__name__, object().__class__, type(object()).__name__)
print(id(A) == id(A), hash(A) == hash(A), A == A, A != B)
import sys
print(sys.getrecursionlimit())
print(hex(id(None))[:2], callable(A.__repr__), A.__repr__(A()))
def g(x, *args: int, key: str = "k", **kw: float) -> None:
    pass
print(g.__annotations__, (lambda v: v).__annotations__)
class C:
    def method(self, other: "C") -> "C":
        return self
print(C.method.__annotations__, C().method.__annotations__)
g.__annotations__["extra"] = 1
print(sorted(g.__annotations__))
