# tests: UNPACK_SEQUENCE site 'a, b = x' where x switches 2-tuple, list, 2-char str, range, dict, wrong lengths (ValueError caught), non-iterables (TypeError)
def sources(ph, i):
    return [(i, i + 1), [i, -i], "ab" if i % 2 else "xy", range(i, i + 2), {i: 0, -i - 1: 1},
            (i,), [1, 2, 3], "abc", 5, None, (2 ** 64, 0.5), zip("q", "r").__next__()][ph]

for ph in range(12):
    ok = 0
    errs = {}
    last = None
    for i in range(60):
        try:
            a, b = sources(ph, i)
            ok += 1
            last = (a, b)
        except (ValueError, TypeError) as e:
            n = type(e).__name__
            errs[n] = errs.get(n, 0) + 1
    print(ph, ok, errs, last)

acc = 0
for i in range(300):
    pair = (i, 2) if i < 100 else ([i, 3] if i < 200 else (i * 1.0, 4.0))
    x, y = pair
    acc += x * y
    p, (q, r) = i, pair
    acc += q - r
print(acc)
a = b = c = 0
for i in range(100):
    a, b, c = b, c, a + i
print(a, b, c)
