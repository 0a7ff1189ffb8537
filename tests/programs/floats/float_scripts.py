# tests: floats in ordinary scripts: accumulation error, rounding for display, comparisons with tolerance, special values, integer conversion, formatting, repr round-trip, numeric integration
import math
total = 0.0
for _ in range(10):
    total += 0.1
print(total, total == 1.0, math.isclose(total, 1.0), round(total, 10), f"{total:.2f}")
print(0.1 + 0.2, repr(0.1 + 0.2), str(1 / 3), 1e16, 1e-7, 123456789.123, 1.5e300 * 1e10, -0.0, 0.0 == -0.0)
print(float("inf") > 1e308, float("-inf") < -1e308, float("nan") == float("nan"), math.isnan(float("nan")))
print(float("1e3"), float(" -2.5 "), float("Infinity"), float(3), 7 / 2, 7 // 2.0, 7 % 2.5, -7 % 2.5, divmod(7.5, 2))
print(int(2.9999), round(2.675, 2), round(1234.5678, -2), round(0.5), round(1.5), math.floor(-0.5), math.ceil(-0.5))
print(f"{3.14159:.3f} {2.5:e} {1234567.891:,.2f} {0.25:%} {1e-10:g} {123456789.0:g} {5.0:.0f} {-1.0:+.1f}")
print((0.1).as_integer_ratio(), (2.5).is_integer(), (3.0).is_integer())
def integrate(f, a, b, n):
    h = (b - a) / n
    return h * (f(a) / 2 + sum(f(a + i * h) for i in range(1, n)) + f(b) / 2)
print(round(integrate(math.sin, 0, math.pi, 1000), 8), round(integrate(lambda x: x * x, 0, 3, 300), 6))
def mean_std(xs):
    m = sum(xs) / len(xs)
    var = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)
    return m, math.sqrt(var)
m, s = mean_std([2.5, 3.7, 1.2, 9.9, 4.4, 6.1])
print(round(m, 6), round(s, 6), f"{m:.3f} ± {s:.3f}")
celsius = [-40, 0, 37, 100]
print([(c, c * 9 / 5 + 32) for c in celsius])
print(sum([1e100, 1.0, -1e100]), math.fsum([1e100, 1.0, -1e100]), 1e308 * 10, -1e308 * 10)
for bad in ["abc", "", "1.2.3"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
print(max(0.1, 0.10000000000000001), min(-0.0, 0.0), sorted([3.5, -1.25, 2.0, float("inf")]), abs(-2.5), 10 / 4 * 4)
