# tests: nested functions, closures capturing variables, nonlocal counters
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    x = "rebound"
    return middle()
print(outer())
def accumulator(start):
    total = start
    def add(v):
        nonlocal total
        total += v
        return total
    def get():
        return total
    return add, get
add, get = accumulator(100)
add(5); add(-20)
print(get())
def make_fns():
    fns = []
    for i in range(3):
        def f(i=i):
            return i * 10
        fns.append(f)
    return fns
print([f() for f in make_fns()])
