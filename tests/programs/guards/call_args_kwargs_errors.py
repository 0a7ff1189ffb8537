# tests: CALL sites with *args/**kwargs, keyword args to builtins, wrong argument counts (TypeError caught) where the argument shape changes mid-loop
def f(a, b, c=3, *rest, d=4, **kw):
    return a + b + c + d + len(rest) + len(kw)

def g(a, b):
    return a * b

shapes = [((1, 2), {}), ((1, 2, 5), {}), ((1, 2, 5, 6, 7), {}), ((1,), {"b": 9}),
          ((), {"a": 1, "b": 2, "d": 10}), ((1, 2), {"z": 0, "y": 1}), ((1,), {}),
          ((1, 2), {"a": 5}), ((1, 2, 3, 4), {"d": 0, "c": 1})]
for ph, (args, kwargs) in enumerate(shapes):
    outcome = None
    errs = 0
    for i in range(60):
        try:
            outcome = f(*args, **kwargs)
        except TypeError:
            errs += 1
    print(ph, outcome, errs)

fns = [g, f, g, len, g]
res = []
for i in range(300):
    fn = fns[i // 60]
    try:
        res.append(fn(i, 2))
    except TypeError:
        res.append("TE")
print(res[0], res[60], res[179], res[180], res[240], res.count("TE"))

print(int("ff", base=16), sorted([3, 1, 2], reverse=True), sorted(["b", "A"], key=str.lower))
print(max([1, 5, 3], key=lambda v: -v), min([], default="empty"), dict(a=1, **{"b": 2}))
try:
    f(1, 2, **{"b": 3})
except TypeError:
    print("duplicate b rejected")
try:
    g(1, 2, 3)
except TypeError:
    print("too many args rejected")
