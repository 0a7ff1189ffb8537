# tests: closure cells shared across loop iterations, cells created per call, nonlocal in nested loops, closures capturing comprehension variables (3.13 inlining keeps cells correct), rebinding captured variables after creating closures
def per_iteration():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    i = 100
    return [f() for f in fns]
print(per_iteration())

def per_call(n):
    def get():
        return n
    return get
getters = [per_call(k) for k in range(3)]
print([g() for g in getters])

def comprehension_closures():
    return [(lambda: v) for v in "abc"], [(lambda v=v: v) for v in "abc"]
late, bound = comprehension_closures()
print([f() for f in late], [f() for f in bound])

def nested_counter():
    total = 0
    def outer_loop():
        nonlocal total
        for i in range(3):
            def inner_loop():
                nonlocal total
                for j in range(i + 1):
                    total += j
            inner_loop()
        return total
    return outer_loop()
print(nested_counter())

def rebind():
    x = "before"
    f = lambda: x
    x = "after"
    return f()
print(rebind())

def shared_cell():
    value = 0
    def inc():
        nonlocal value
        value += 1
        return value
    def get():
        return value
    return inc, get
inc, get = shared_cell()
inc(); inc()
print(get(), inc(), get())

def closure_over_param(items):
    return lambda: sum(items)
lst = [1, 2]
f = closure_over_param(lst)
lst.append(3)
print(f())

def while_closures():
    out = []
    n = 0
    while n < 3:
        out.append(lambda n=n: n * 10)
        n += 1
    return [g() for g in out]
print(while_closures())

def generator_closure():
    def make():
        x = 0
        def gen():
            nonlocal x
            while x < 3:
                x += 1
                yield x
        return gen
    g = make()
    return list(g()), list(g())
print(generator_closure())
adders = {name: (lambda k: (lambda v: v + k))(k) for name, k in [("one", 1), ("ten", 10)]}
print(adders["one"](5), adders["ten"](5))
