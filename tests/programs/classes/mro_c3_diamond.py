# tests: C3 MRO for diamonds and deeper hierarchies, __mro__, cooperative super() chains, MRO conflicts
class A:
    def who(self):
        return ["A"]
    def hello(self):
        return "A.hello"

class B(A):
    def who(self):
        return ["B"] + super().who()

class C(A):
    def who(self):
        return ["C"] + super().who()
    def hello(self):
        return "C.hello/" + super().hello()

class D(B, C):
    def who(self):
        return ["D"] + super().who()

print([k.__name__ for k in D.__mro__])
print(D().who())
print(D().hello())
print(B().hello(), C().hello())

class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])
print([k.__name__ for k in Bb.__mro__], [k.__name__ for k in Cc.__mro__])

class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class Z(P, Q): pass
except TypeError as e:
    print("TypeError:", e)

try:
    class W(X, X): pass
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __init__(self, **kw):
        self.log = ["Base"]
        self.extra = kw

class Mixin1(Base):
    def __init__(self, m1=1, **kw):
        super().__init__(**kw)
        self.log.append("Mixin1")
        self.m1 = m1

class Mixin2(Base):
    def __init__(self, m2=2, **kw):
        super().__init__(**kw)
        self.log.append("Mixin2")
        self.m2 = m2

class Final(Mixin1, Mixin2):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Final")

f = Final(m1=10, m2=20, other=3)
print(f.log, f.m1, f.m2, f.extra)
print(Final.__bases__ == (Mixin1, Mixin2), Final.__base__.__name__)
print(issubclass(Final, Base), issubclass(Base, Final), isinstance(f, Mixin2))
print(super(Mixin1, f).__init__ is not None)
