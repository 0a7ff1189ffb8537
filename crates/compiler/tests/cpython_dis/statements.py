import os.path as p, sys
from . import x
from a.b import c as d, e
def f(a, b=2, *c, d, e=5, **g):
    global q
    q = a if b else c
    x, *y, z = a
    a[1:2] = b
    a[1:2:3] += 1
    a.b += 1
    a[i] -= 1
    del a[0], a.b, x
    assert a, "m"
    print(f"{a!r:>{b}} and {c=} {d:x}")
    return a < b < c
def k():
    n = 0
    def inner():
        nonlocal n
        n += 1
        return lambda y: y + n
    return {1: 2, **g}, {a: b for a, b in n}, {x for x in n}, (i for i in n if i)
def m(a):
    while True:
        try:
            if a: break
            continue
        finally:
            a = 1
    for i in range(3):
        with open(a) as f, open(b):
            if i: return f
    else:
        pass
    raise ValueError("x") from None
x = not not a
y = -5 ** 2 + 3 * 4 - (1, 2)[0]
z = a and b or c
f(*a, **b); f(1, *a, k=2); o.m(1, k=3)
