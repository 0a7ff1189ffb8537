# tests: one CALL site whose callee switches: py func, func with defaults, lambda, builtins (len, abs, str), types (int, str, tuple, list), bound methods
def exact(x):
    return x + 1

def with_default(x, y=100):
    return x + y

store = []
callees1 = [exact, with_default, lambda x: x * 3, abs, str, int, float, bool,
            len, tuple, list, store.append, exact]
def arg_for(fn, i):
    if fn in (len, tuple, list):
        return "ab" * (i % 3)
    return -i

for ph, fn in enumerate(callees1):
    results = []
    for i in range(60):
        results.append(fn(arg_for(fn, i)))
    print(ph, results[0], results[-1], len(store))

callees2 = [lambda a, b: a - b, divmod, max, min, isinstance, pow, with_default, round]
for ph, fn in enumerate(callees2):
    r = None
    for i in range(60):
        if fn is isinstance:
            r = fn(i, (float, int))
        elif fn is round:
            r = fn(i / 7, 2)
        else:
            r = fn(i + 5, 3)
    print("two", ph, r)

call = exact
tot = 0
for i in range(300):
    if i % 100 == 99:
        call = [with_default, abs, exact][(i // 100) % 3]
    tot += call(i)
print(tot)
