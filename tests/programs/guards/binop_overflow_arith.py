# tests: int +, -, *, //, % sites that overflow from machine ints into bigints (2**31, 2**47, 2**63, 2**64) and back, including i64::MIN edge cases
x = 1
y = -1
for i in range(120):
    x = x * 3 + 1
    y = y * 3 - 1
    d = x - y
    s = x + y
    if s != 0:
        print("bad sum", i, s)
    if i % 15 == 0 or 38 <= i <= 41:
        print(i, x.bit_length(), d % 1000003, x > 2 ** 63, y < -(2 ** 63))
for i in range(120):
    x = x // 3
    y = -((-y) // 3)
print("shrunk", x, y, x + y)

# multiplication crossing 2**62 / 2**63 at one site
acc = 0
for i in range(100):
    a = 2 ** 31 - 50 + i
    p = a * a
    acc = acc + (p >> 40)
    if i in (0, 49, 50, 51, 99):
        print("mul", i, p, p > 2 ** 62, p.bit_length())
print("acc", acc)

mn = -(2 ** 63)
vals = [mn, mn + 1, -1, 0, 1, 2 ** 63 - 1]
for rep in range(60):
    out = []
    for v in vals:
        out.append((0 - v, v * -1, v // -1, v % -1, -v, abs(v), v - 1, v + v))
    if rep == 59:
        for row in out:
            print(row)
