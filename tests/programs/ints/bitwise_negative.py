# tests: & | ^ ~ with negative numbers and bigints
vals = [0, 1, -1, 5, -5, 12, -12, 255, -256]
for a in vals[:5]:
    for b in vals[5:]:
        print(a, b, a & b, a | b, a ^ b)
print(~0, ~1, ~-1, ~255, ~-256)
big = (1 << 100) - 1
print(big & -2, big | -(1 << 50), big ^ -1, ~big)
print(-(1 << 70) & 0xFFFF, -(1 << 70) | 1, (-(1 << 70)) ^ (1 << 70))
print(0b1010 & 0b0110, 0o17 | 0o20, 0xF0 ^ 0xFF)
