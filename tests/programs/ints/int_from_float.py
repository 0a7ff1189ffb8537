# tests: int(float) truncation toward zero, int of big floats, int(bool), errors for inf/nan
print(int(3.7), int(-3.7), int(0.9999), int(-0.5), int(2.0))
print(int(1e20), int(-1e20), int(1.5e300) == 15 * 10 ** 299)
print(int(2.0 ** 70))
print(int(True), int(False))
print(int(7), int(-7))
for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(int(1e16), int(123456789.987654321))
