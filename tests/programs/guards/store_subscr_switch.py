# tests: STORE_SUBSCR / DELETE_SUBSCR sites switching list/dict targets, negative and out-of-range indexes, immutable targets (TypeError), slice stores
def put(c, k, v):
    c[k] = v

lst = [0] * 10
dct = {}
targets = [lst, dct, lst, (0, 1), "abc", dct, lst]
for ph, c in enumerate(targets):
    errs = {}
    for i in range(60):
        k = (i % 14) - 7 if ph != 5 else (i % 3, "k")
        try:
            put(c, k, i * (ph + 1))
        except (IndexError, TypeError) as e:
            n = type(e).__name__
            errs[n] = errs.get(n, 0) + 1
    print(ph, type(c).__name__, errs)
print(lst)
print(sorted(dct.items(), key=repr)[:5], len(dct))

a = list(range(20))
for i in range(100):
    j = i % 20
    if i < 50:
        a[j] = a[j] + 1
    elif i < 70:
        a[-j - 1] = -a[-j - 1]
    else:
        a[j:j + 1] = [a[j] * 2]
print(a)
for i in range(60):
    if len(a) > 5:
        del a[-1]
    if i % 10 == 0:
        del a[0:1]
print(a)
try:
    a[2 ** 64] = 1
except IndexError:
    print("bigint index IndexError")
