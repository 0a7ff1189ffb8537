# tests: float repr: shortest round-trip, exponent thresholds, inf/nan/-0.0
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -1.5, 1e16, 1e15, 123456789012345678.0, 1e-05, 0.0001,
        1e-4, 1.5e-7, 1e22, 1e100, 2.5e-300, 5e-324, 1.7976931348623157e308, 100.0, 3.14159,
        1/3, 2/3, 0.5, 1e+16 + 1, 12345.678, -0.0, 0.0]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(repr(float("inf")), repr(float("nan")))
print(float("Infinity"), float("-iNF"), float("  nan "))
print(1e308 * 10, -1e308 * 10)
print(9999999999999998.0, 99999999999999999.0)
