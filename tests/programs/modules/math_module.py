# tests: the math module: functions, constants, integer functions on big ints, CPython's errors
import math
from math import sqrt, pi, floor

print(sqrt(16), math.sqrt(2), pi, math.e, math.tau, math.inf, -math.inf)
print(floor(3.7), math.ceil(3.2), math.trunc(-3.7), floor(-0.5), math.ceil(10 ** 20), type(floor(2.5)).__name__)
print(math.exp(1), math.log(math.e), math.log(100, 10), math.log2(1024), math.log10(1000), math.log(2 ** 2000))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 12), math.atan2(1, 1), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.degrees(math.pi), math.radians(180), math.fabs(-2), math.copysign(3, -0.0), math.fmod(7, -3))
print(math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(2 ** 100, 2 ** 80 * 3), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.factorial(20), math.factorial(30), math.comb(10, 3), math.perm(5, 2), math.perm(5), math.comb(100, 50))
print(math.isqrt(99), math.isqrt(10 ** 30), math.modf(3.25), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]), math.dist((0, 0), (3, 4)))
print(math.pow(2, 10), math.pow(2, 0.5), math.cbrt(8.0))
for bad in ["math.sqrt(-1)", "math.log(0)", "math.log(-5)", "math.acos(2)", "math.factorial(-1)", "math.exp(1000)", "math.pow(0, -1)", "math.fmod(1, 0)"]:
    try:
        eval_result = None
        if bad == "math.sqrt(-1)":
            math.sqrt(-1)
        elif bad == "math.log(0)":
            math.log(0)
        elif bad == "math.log(-5)":
            math.log(-5)
        elif bad == "math.acos(2)":
            math.acos(2)
        elif bad == "math.factorial(-1)":
            math.factorial(-1)
        elif bad == "math.exp(1000)":
            math.exp(1000)
        elif bad == "math.pow(0, -1)":
            math.pow(0, -1)
        else:
            math.fmod(1, 0)
    except (ValueError, OverflowError) as e:
        print(bad, type(e).__name__, e)
try:
    import nonexistent_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
