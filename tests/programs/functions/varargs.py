# tests: *args and **kwargs, unpacking calls, ordering of kwargs
def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2, 3))
print(f(a=1, b=2))
print(f(1, *[2, 3], x=4, **{"y": 5, "z": 6}))
def g(a, b=2, *rest, key="k", **opts):
    print(a, b, rest, key, opts)
g(1)
g(1, 3, 5, 7, key="K", extra=True)
g(*range(5), **{"q": 1})
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(*range(101)))
def describe(**info):
    return ", ".join([k + "=" + str(v) for k, v in info.items()])
print(describe(name="x", size=3, ok=True))
