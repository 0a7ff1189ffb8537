# tests: starred unpacking (a, *b = x / *a, b = x / a, *b, c = x) where x switches types and lengths mid-loop, with too-short inputs raising ValueError
def split3(x):
    a, *mid, c = x
    return a, mid, c

srcs = [list(range(5)), tuple(range(3)), "hello", range(10, 14), "ab", [1], "", {1: 2, 3: 4}]
for src in srcs:
    res = None
    errs = 0
    for i in range(60):
        try:
            res = split3(src)
        except ValueError:
            errs += 1
    print(repr(src), res, errs)

t = 0
for i in range(200):
    x = list(range(i % 7 + 1)) if i < 100 else "z" * (i % 5 + 1)
    first, *rest = x
    *init, last = x
    t += len(rest) + len(init)
    t += first if isinstance(first, int) else 1
print(t)
h, *tl = [2 ** 64, 1.5, "s"]
*hd, tail = (None,)
print(h, tl, hd, tail, [*range(3), *"ab", *(9,)])
