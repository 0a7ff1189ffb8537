# tests: closures capturing loop variables, nonlocal counters, closures over closures, cell sharing between sibling closures
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    def reset():
        nonlocal count
        old, count = count, start
        return old
    return inc, get, reset

inc, get, reset = make_counter(10)
print(inc(), inc(5), get(), reset(), get(), inc())

late = [lambda: i for i in range(4)]
early = [lambda i=i: i for i in range(4)]
print([f() for f in late], [f() for f in early])

def make_adders():
    adders = []
    for n in range(3):
        def add(x, n=n):
            return x + n
        adders.append(add)
    return adders
print([a(10) for a in make_adders()])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()
print(outer()())

def accumulate():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total, len(items)
    return add
acc = accumulate()
print(acc(3), acc(4), acc(-2))
print(acc.__code__.co_freevars, acc.__closure__ is not None, len(acc.__closure__))

def fib_memo():
    memo = {}
    def fib(n):
        if n < 2:
            return n
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib, memo
fib, memo = fib_memo()
print(fib(60), len(memo))

def shadow():
    v = 1
    def f():
        v = 2
        def g():
            nonlocal v
            v += 10
            return v
        return g(), v
    return f(), v
print(shadow())

def unbound():
    def read():
        return y
    try:
        read()
    except NameError as e:
        print("NameError:", e)
    y = 5
    return read()
print(unbound())

def local_before_assign():
    try:
        print(z)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    z = 1
    return z
local_before_assign()

def deleted_cell():
    w = 3
    def f():
        return w
    del w
    try:
        f()
    except NameError as e:
        print("NameError:", e)
deleted_cell()

x = "global"
def uses_global():
    return x
def shadows_global():
    x = "local"
    return x
print(uses_global(), shadows_global(), x)
