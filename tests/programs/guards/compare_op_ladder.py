# tests: one COMPARE_OP site seeing ints, floats, strs, mixed int/float, NaN, bigints, tuples, bools, and int-vs-float exactness near 2**53 / 2**63
def cmp3(a, b):
    return a < b, a == b, a >= b, a != b

nan = float("nan")
def make(ph, i):
    if ph == 0: return i, 30
    if ph == 1: return i * 0.5, 15.0
    if ph == 2: return str(i), "30"
    if ph == 3: return (i, 29.5) if i % 2 else (29.5, i)
    if ph == 4: return (nan, i) if i % 2 else (i * 1.0, nan)
    if ph == 5: return 2 ** 64 + i, 2 ** 64 + 30
    if ph == 6: return -(2 ** 70) * i, -(2 ** 70) * 30
    if ph == 7: return (i % 3, i), (1, 30)
    if ph == 8: return i % 2 == 0, 1
    if ph == 9: return 2 ** 53 + i % 3, float(2 ** 53)
    if ph == 10: return 2 ** 63 - (i % 3), float(2 ** 63)
    if ph == 11: return -(2 ** 63) - (i % 3), -9.223372036854775808e18
    return i, 31

for ph in range(13):
    counts = [0, 0, 0, 0]
    for i in range(60):
        a, b = make(ph, i)
        res = cmp3(a, b)
        for k in range(4):
            if res[k]:
                counts[k] += 1
    print(ph, counts)

print(2 ** 1100 > 1e308, 2 ** 1100 < float("inf"), -(2 ** 1100) < -1e308, 2 ** 1100 == float("inf"))
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(0.1 + 0.2 == 0.3, -0.0 == 0, 1 == 1.0 == True, "a" < "b" < "ba", [1, 2] < [1, 2, 0])
