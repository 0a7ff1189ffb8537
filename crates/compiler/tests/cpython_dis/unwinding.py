def a():
    for x in y:
        try:
            continue
        except E:
            break
        finally:
            print(x)
def b(x):
    with x:
        for i in x:
            if i: break
    while x:
        if x: continue
        x -= 1
    else:
        return 2
def c():
    try:
        return f()
    finally:
        g()
def d(n):
    return [[i*j for j in range(n)] for i in range(n)], {k: v for k, v in n.items() if v}
def e():
    x = 1
    def f():
        return [x for _ in range(3)]
    return f
lam = lambda a, *b, c=3, **d: (a, b, c, d)
print(*[1,2,3])
try:
    import q
except ImportError:
    q = None
