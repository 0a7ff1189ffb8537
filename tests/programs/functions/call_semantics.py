# tests: argument evaluation order, pass-by-object-reference, mutation through params
log = []
def val(x):
    log.append(x)
    return x
def f(a, b, c=None, d=None):
    return (a, b, c, d)
print(f(val(1), val(2), d=val(4), c=val(3)), log)
def rebind(x):
    x = 99
def mutate(x):
    x[0] = 99
v = 1
lst = [1]
rebind(v); mutate(lst)
print(v, lst)
def kw_order(**kw):
    return list(kw)
print(kw_order(z=1, a=2, m=3))
