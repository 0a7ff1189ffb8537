# tests: NaN and -0.0 at warmed-up ==, !=, in sites: identity shortcut in containers, distinct NaN objects, huge ints vs inf
nan = float("nan")
other_nan = float("nan")
lst = [1, 2, nan, 3]
tup = (nan,)
d = {nan: "found"}
hits = [0, 0, 0, 0, 0, 0]
for i in range(240):
    v = i if i < 120 else (nan if i % 2 else other_nan)
    if v == v:
        hits[0] += 1
    if v != v:
        hits[1] += 1
    if v in lst:
        hits[2] += 1
    if v in tup:
        hits[3] += 1
    if [v] == [v]:
        hits[4] += 1
    if d.get(v) == "found":
        hits[5] += 1
print(hits)
print([nan] == [nan], [nan] == [other_nan], (nan, 1) == (nan, 1), nan in {nan}, other_nan in {nan})
print(nan < 1, nan > 1, nan <= nan, 1 < nan, nan == 0, max(1, 2.5), min(-0.0, 0.0), min(0.0, -0.0))
zeros = [0, 0.0, -0.0, False]
eqs = 0
for i in range(100):
    a = zeros[i % 4]
    b = zeros[(i // 4) % 4]
    if a == b:
        eqs += 1
print("zero eqs", eqs, -0.0, repr(0.0 * -1), {0: "int"}.get(-0.0))
inf = float("inf")
big = 2 ** 1030
for i in range(60):
    r = (big < inf, -big > -inf, big > 1.7e308, (big + i) == inf)
print(r, inf == inf, inf - inf == inf - inf, -inf < -(2 ** 5000))
