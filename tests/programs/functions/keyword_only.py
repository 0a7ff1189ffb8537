# tests: keyword-only args after * and *args, positional-only args with /
def kw(a, *, b, c=3):
    return a, b, c
print(kw(1, b=2), kw(1, c=4, b=5))
try:
    kw(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1)
except TypeError as e:
    print("TypeError:", e)
def pos(a, b, /, c):
    return a + b + c
print(pos(1, 2, 3), pos(1, 2, c=3))
try:
    pos(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
def mixed(a, /, b, *args, c, **kw):
    return a, b, args, c, kw
print(mixed(1, 2, 3, 4, c=5, d=6))
print(mixed(1, b=2, c=3))
