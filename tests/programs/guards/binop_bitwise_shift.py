# tests: &, |, ^, <<, >>, ~ sites that warm up on small ints then see shifts past 63 bits, negatives, bigints, bools and errors
def bits(a, b):
    return a & b, a | b, a ^ b

def shifts(a, s):
    return a << s, a >> s

acc = 0
for i in range(100):
    x, y, z = bits(i, 0x55)
    l, r = shifts(i, 3)
    acc = acc + x + y + z + l + r
print("warm", acc)

cases = [(1, 62), (1, 63), (1, 64), (3, 100), (-1, 63), (-5, 1), (2 ** 63 - 1, 1),
         (-(2 ** 63), 1), (2 ** 200, 199), (-(2 ** 200), 300), (2 ** 47, 1), (True, 2)]
for a, s in cases:
    print(a, s, shifts(a, s))

pairs = [(True, False), (True, True), (True, 0), (False, 2), (2 ** 64 + 3, 7),
         (-(2 ** 64), 2 ** 63), (-1, 2 ** 100), (255, -256), (2 ** 63, 2 ** 63 - 1)]
for a, b in pairs:
    res = bits(a, b)
    print(a, b, res, [type(v).__name__ for v in res])

for a in [0, -1, 2 ** 63 - 1, -(2 ** 63), 2 ** 100, 2 ** 47, -(2 ** 48)]:
    print("inv", a, ~a)

errs = []
for i in range(80):
    s = 2 if i < 70 else -1
    v = 1.5 if i == 75 else i
    try:
        acc = acc ^ (v << s)
    except ValueError:
        errs.append(("V", i))
    except TypeError:
        errs.append(("T", i))
print(acc, errs[:3], len(errs))
