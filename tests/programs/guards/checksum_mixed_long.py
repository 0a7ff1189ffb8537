# tests: a 12,000-iteration loop mixing binary ops, compares, truthiness, globals, attrs, calls, subscripts, iteration, unpacking and 'in' with types changing by phase; checksum at end
import sys
scale = 3
def mix(a, b):
    return a * scale + b

table = {0: "zero", 1: 1.5, 2: [2], "k": 2 ** 65}
vals = [0, 1, 2, "k"]
check = 0
log = []
for i in range(12000):
    ph = (i // 1000) % 6
    if i % 2000 == 1999:
        scale = [3, 2.5, 2 ** 64, 1, -7, 3][(i // 2000) % 6]
    a = i if ph == 0 else (i * 0.5 if ph == 1 else (2 ** 63 + i if ph == 2 else (i % 7 == 0 if ph == 3 else -i)))
    b = [1, 2.0, 3, True, -(2 ** 64), 0][ph]
    r = mix(a, b)
    if r:
        check += 1
    if r > 1000:
        check += 2
    k = vals[i % 4]
    v = table[k]
    if isinstance(v, (int, float)):
        check += int(v) % 97
    else:
        check += len(v)
    x, y = (i, ph) if ph % 2 else [ph, i]
    check += (x ^ y) & 255
    if k in table and i % 11 not in (3, 5) and "e" in "hello":
        check += 1
    s = str(i)[-2:] + "x"
    check += len(s) + s.count("1")
    for ch in s:
        if ch in "0123":
            check += 1
    if i % 500 == 0:
        table[0] = [table[0], i] if ph > 2 else "zero"
    check = check % 1000000007 + (sys.maxsize & 1)
    check += int(r) & 65535 if isinstance(r, (int, float)) and r == r else 0
    if i % 2000 == 0:
        log.append((i, check, type(r).__name__))
print(log)
print("checksum", check, scale)
