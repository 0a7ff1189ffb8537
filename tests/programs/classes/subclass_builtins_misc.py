# tests: builtin subclasses with builtin functions and operators: divmod, pow, round, indexing, hashing in sets, sorting, overridden __iter__/__len__/__contains__
class L(list):
    def __init__(self, *a):
        super().__init__(a)
l = L(1, 2, 3)
print(l, len(l))
print(l.__class__.__name__, type(l) is L, L.__bases__, L.__base__)
print(list.__repr__(l), list.__len__(l))
print(l == l, l is l, l != L(1, 2))
s = set(); s.add(tuple(l)); print(s)
class D(dict):
    pass
d = D({'a': 1})
d2 = D(d)
print(d2, d == d2, d2 is d, type(d2).__name__)
print({**d, **d2})
print(dict.fromkeys("ab") if hasattr(dict, "fromkeys") else "")
class S(str):
    pass
print(S("abc") + S("d"), type(S("abc") + S("d")).__name__, S("a") * 3, S("x").upper(), type(S("x").upper()).__name__)
print(sorted([S("b"), S("a")]), S("a") < S("b"), max(S("a"), "b"))
print(S("a,b").split(","), "-".join([S("p"), S("q")]))
class I(int):
    pass
print(I(5) // 2, I(5) / 2, divmod(I(7), 2), pow(I(2), 3), I(5) == 5.0, I(3) in [1, 2, 3], [0, 1, 2][I(1)], "ab"[I(1)], I(True))
print(I("12"), I(3.9), type(I(3) + I(4)).__name__, str(I(5)), format(I(255), "x"), f"{I(255):#x}", hex(I(255)) if True else "")
class T(tuple):
    pass
t = T([1, 2])
a, b = t
print(a, b, *t, t + t, t[::-1], type(t[::-1]).__name__, t == (1, 2), hash(t) == hash((1, 2)))
print(isinstance(t, T), isinstance((1,), T), issubclass(T, tuple), T.__mro__)
class F(float): pass
print(F(1.5) + 1, F(2) * F(3), round(F(2.567), 2), int(F(3.9)), F("1e3"), -F(2), abs(F(-2)), F(1.5) < 2, f"{F(1.234):.1f}")
class Rev(list):
    def __iter__(self):
        return iter(reversed(list.__iter__(self).__class__ and list(super().__iter__())))
r = Rev([1, 2, 3])
print(list(r), [x for x in r], sum(r), len(r))
class E(dict):
    def __len__(self):
        return 42
print(len(E()), bool(E()))
class Cnt(dict):
    def __contains__(self, k):
        return True
print("x" in Cnt(), Cnt().get("x"))
