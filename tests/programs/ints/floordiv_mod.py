# tests: int // and % with every sign combination, divmod, identity a == (a//b)*b + a%b
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(a, b, q, r, divmod(a, b), q * b + r == a)
big = 10 ** 30 + 7
print(big // 3, big % 3, (-big) // 3, (-big) % 3)
print(big // -(10 ** 15), big % -(10 ** 15))
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
