# tests: chained comparisons (a < b < c, a == b == c, a < b > c) whose operand types change mid-loop, middle evaluated once, short-circuit, TypeError midway
calls = [0]
def mid(v):
    calls[0] += 1
    return v

def triples(ph, i):
    if ph == 0: return i, i + 1, 100
    if ph == 1: return i * 0.1, 3.3, 10
    if ph == 2: return "a" * (i % 4), "aa", "b"
    if ph == 3: return i, 2 ** 64, 2 ** 65
    if ph == 4: return (i % 5, 0), (2, 0), (4,)
    if ph == 5: return True, 1, 1.0
    if ph == 6: return i, "x" if i > 40 else i + 1, 100
    return -i, 0, i

for ph in range(8):
    c1 = c2 = c3 = c4 = 0
    errs = 0
    for i in range(60):
        a, b, c = triples(ph, i)
        try:
            if a < mid(b) < c:
                c1 += 1
            if a <= b == c:
                c2 += 1
            if a < b > c:
                c3 += 1
            if not (a == b == c):
                c4 += 1
        except TypeError:
            errs += 1
    print(ph, c1, c2, c3, c4, "errs", errs, "calls", calls[0])

n = 0
for i in range(200):
    x = i if i < 100 else i * 1.0 if i < 150 else 2 ** 64 + i
    if 10 < x % 97 <= 50 != x:
        n += 1
    if 0 <= x < 2 ** 64 + 170 < 2 ** 65:
        n += 2
print(n)
