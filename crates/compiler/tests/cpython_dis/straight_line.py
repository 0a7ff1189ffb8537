def func():
    a = 1
    return a

def arith(x, y):
    z = x * y + 3 - x // 2 % y ** 2
    z <<= 1
    return -z, +z, ~z, not z, z @ y

def calls(f, a, b):
    f(a, b, key=1)
    f(*a)
    f(*a, **b)
    f(1, *a, x=2, **b)
    return a.method(b, c=1).other

def strings(name, width):
    return f"hello {name!r:>{width}} {width:03d} {name=}", "a" "b", b"x"

def containers(a, b):
    return [a, b], (a, b), {a, b}, {a: b, "k": 1}, {**a, "x": b}, [*a, *b], a[1:2], a[::2], a[b]
