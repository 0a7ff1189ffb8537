# tests: '*' and '+' sites that start numeric then see str*int, int*str, list*int, tuple*int, negative/zero/bool repeat counts, and str*float TypeError
def mul(a, b):
    return a * b

acc = 0
for i in range(100):
    acc += mul(i, 3)
print("warm", acc)
cases = [("ab", 3), (3, "ab"), ([1, 2], 2), (2, [0]), ((1,), 4), ("x", 0), ("x", -2), ([7], True),
         (False, "zz"), ("q", 2 ** 3), ([], 10 ** 6), ("ab", 2.0), ([1], 1.5), (2.0, "a"), (2 ** 64, 0.5)]
for a, b in cases:
    try:
        r = mul(a, b)
        print(repr(a), repr(b), repr(r))
    except TypeError:
        print(repr(a), repr(b), "TypeError")
s = ""
l = []
t = ()
for i in range(120):
    s = s + "ab"[i % 2] if i < 60 else s + str(i % 10)
    l = l + [i] if i % 3 else l + []
    t = t + (i,) if i < 100 else t
print(len(s), s[:8], s[-8:], len(l), sum(l), len(t), t[-1])
try:
    print("a" + 1)
except TypeError:
    print("str + int TypeError")
try:
    print([1] + (2,))
except TypeError:
    print("list + tuple TypeError")
