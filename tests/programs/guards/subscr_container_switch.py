# tests: BINARY_SUBSCR site whose container switches list/tuple/str/dict/range/bigint-keyed dict, with negative and out-of-range indexes (IndexError/KeyError caught)
def at(c, k):
    return c[k]

containers = [list(range(10)), tuple(range(10, 20)), "abcdefghij",
              {i: i * i for i in range(-10, 10)}, range(100, 110), range(0, 100, 7),
              {2 ** 64 + i: i for i in range(-10, 10)}, [[i] for i in range(10)]]
for ph, c in enumerate(containers):
    got = []
    errs = {"IndexError": 0, "KeyError": 0}
    for i in range(60):
        k = (i % 25) - 12
        if ph == 6:
            k = 2 ** 64 + k
        try:
            got.append(at(c, k))
        except (IndexError, KeyError) as e:
            errs[type(e).__name__] += 1
    print(ph, type(c).__name__, got[:4], got[-2:], errs)

vals = [0, 0.0, "", 0, 0]
seq = [1, 2, 3, 4, 5]
t = 0
for i in range(200):
    idx = i % 5 if i < 150 else -(i % 5) - 1
    if i == 170:
        seq = "vwxyz"
    v = seq[idx]
    t += v if isinstance(v, int) else ord(v)
print(t)
big_idx = [2 ** 63, -(2 ** 63) - 1, 2 ** 100, True, False]
for k in big_idx:
    try:
        print(k, seq[k])
    except IndexError:
        print(k, "IndexError")
try:
    fi = 1.0
    print([1][fi])
except TypeError:
    print("float index TypeError")
