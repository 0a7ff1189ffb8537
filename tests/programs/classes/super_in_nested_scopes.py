# tests: super() and __class__ inside comprehensions (inlined in 3.13), lambdas, nested functions, classmethods and staticmethods; super() in a generator expression fails CPython's receiver check; __eq__ chaining through super() with __hash__ restored
class Base:
    def val(self):
        return 1
    def items(self):
        return [1, 2]
class Child(Base):
    def val(self):
        return [super().val() + i for i in range(3)]
    def gen(self):
        return list(super().val() * k for k in range(2))
    def lam(self):
        f = lambda: super(Child, self).val()
        return f()
    def nested(self):
        def inner():
            return __class__.__name__
        return inner()
    def cls_ref(self):
        return __class__
    @classmethod
    def cm(cls):
        return super().__name__ if False else cls.__name__
    @staticmethod
    def sm():
        return __class__.__name__
c = Child()
try:
    c.gen()
except TypeError as e:
    print("TypeError:", e)
print(c.val(), c.lam(), c.nested(), c.cls_ref() is Child, Child.cm(), Child.sm())
class K:
    def m(self):
        return [__class__ for _ in range(1)]
print(K().m()[0] is K)
class Meta2:
    def __init__(self):
        self.x = super().__init__()
print(Meta2().x)
class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
class Q(P):
    def __eq__(self, other):
        return super().__eq__(other) and type(self) is type(other)
    __hash__ = P.__hash__
print(Q(1) == Q(1), Q(1) == P(1), P(1) == Q(1), Q.__hash__ is None)
