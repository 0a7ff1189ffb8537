# tests: float division, // and % on floats with signs, divmod of floats
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (7, 2.5), (0.0, 3), (-0.0, 3), (5.0, 0.1), (1.0, 3.0)]
for a, b in pairs:
    print(a, b, a / b, a // b, a % b, divmod(a, b))
print(6.0 % 3, -6.0 % 3, 6.0 % -3)
print(1e300 % 7, -1e-300 % 1)
print(10 / 4, 10.0 // 4, -10.0 // 4)
print(3.0 // 0.5, 3.5 % 1)
