# tests: the math module across its surface: rounding, number theory, exp/log, trig, special values, errors
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(7), math.ceil(2.000001))
print(math.sqrt(2), math.isqrt(99), math.isqrt(10 ** 20), math.cbrt(8.0), math.cbrt(-64.0))
print(math.gcd(48, 18), math.gcd(0, 5), math.gcd(12, 18, 30), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.comb(50, 25))
print(math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(1e-10))
print(math.expm1(1e-10), math.pow(2, 10), math.pow(2.5, 2), 2 ** 0.5)
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.atan2(1, 1), math.asin(1), math.acos(0))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.fabs(-3), math.copysign(3, -0.0), math.fmod(7, -3), 7 % -3, math.remainder(7, 3), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.isfinite(1e308), math.isinf(1e308 * 10), math.isinf(-math.inf), math.nan != math.nan)
print(math.erf(1), math.erf(-0.5), math.gamma(5), math.lgamma(10))
print(math.floor(1e20), type(math.floor(2.5)).__name__, math.ceil(-0.5), round(-0.5), round(1.5), round(2.5))
print(math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0), math.trunc(1e19))

for name, call in [("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)),
                   ("log(-1)", lambda: math.log(-1)), ("factorial(-1)", lambda: math.factorial(-1)),
                   ("factorial(2.5)", lambda: math.factorial(2.5)), ("comb(-1,2)", lambda: math.comb(-1, 2)),
                   ("acos(2)", lambda: math.acos(2)), ("exp(1000)", lambda: math.exp(1000)),
                   ("floor(inf)", lambda: math.floor(math.inf)), ("floor(nan)", lambda: math.floor(math.nan)),
                   ("isqrt(-4)", lambda: math.isqrt(-4)), ("gcd(1.5)", lambda: math.gcd(1.5, 2)),
                   ("sqrt('x')", lambda: math.sqrt("x")), ("pow(0,-1)", lambda: math.pow(0, -1))]:
    try:
        print(name, "=", call())
    except (ValueError, OverflowError, TypeError) as e:
        print(name, type(e).__name__, e)

def newton_sqrt(x, tol=1e-12):
    guess = x / 2 or 1.0
    steps = 0
    while abs(guess * guess - x) > tol * max(1.0, x):
        guess = (guess + x / guess) / 2
        steps += 1
    return round(guess, 10), steps
print([newton_sqrt(v) for v in (2, 10, 1e6, 0.25)])
primes = [n for n in range(2, 60) if all(n % d for d in range(2, math.isqrt(n) + 1))]
print(primes)
