# tests: __call__, __repr__ vs __str__ (in containers, f-strings, format), __bool__ and __len__ truthiness, default reprs
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *more, scale=1):
        return (self.n + x + sum(more)) * scale

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2, 3])), sorted([3, 1, 2], key=Adder(-10)))

class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "both!"

class ReprOnly:
    def __repr__(self):
        return "<ReprOnly>"

class StrOnly:
    def __str__(self):
        return "str-only"

b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r, s)
print([b, r], (b,), {"k": b})
print(str(b), repr(b), str(r), repr(r))
print(f"{b} {b!r} {r} {b!s}", "%s %r" % (b, b), "{} {!r}".format(b, b))
print(format(b), f"{b:}", f"[{b!r:>10}]", f"[{str(b):^9}]")
print(repr(s).startswith("<__main__.StrOnly object at 0x"), str(s))

class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

print(bool(Flag(True)), bool(Flag(False)), bool(Sized(0)), bool(Sized(2)), bool(StrOnly()))
if Flag(False) or Sized(3):
    print("branch taken")
print(not Sized(0), [x.n for x in [Sized(0), Sized(1), Sized(2)] if x])
print(Flag(True) and "yes", Sized(0) or "empty")

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
try:
    if BadBool():
        pass
except TypeError as e:
    print("TypeError:", e)

class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)

class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)

class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
