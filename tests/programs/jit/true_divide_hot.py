# `/` in hot loops over every operand kind the JIT's inline division sees or must
# leave to the generic path: small ints (exact as doubles), floats, mixed, zero and
# negative zero divisors, infinities, NaN, bools and big ints.
import math

pairs = [
    (7, 2), (-7, 2), (1, 3), (2**47 - 1, 3), (-(2**47), 7), (10, -4),
    (1.5, 0.25), (-0.0, 5.0), (3, 0.5), (0.1, 3), (1e308, 1e-308),
    (float("inf"), 2.0), (5.0, float("inf")), (float("inf"), float("inf")),
    (float("nan"), 1.0), (True, 2), (3, True), (2**70, 3), (3, 2**70),
    (1, 0), (1.0, 0.0), (1.0, -0.0), (0, 0.0), (False, 1.5),
]


def quotients(rounds):
    out = []
    for _ in range(rounds):
        for a, b in pairs:
            try:
                q = a / b
            except ZeroDivisionError as error:
                q = "ZeroDivisionError: " + str(error)
            out.append(q)
    return out


results = quotients(30)
n = len(pairs)
for (a, b), q in zip(pairs, results[-n:]):
    if isinstance(q, float) and math.isnan(q):
        q = "nan"
    print(repr(a) if not isinstance(a, int) or a < 10**6 else "big", "/", repr(b) if not isinstance(b, int) or b < 10**6 else "big", "=", repr(q))
print(all(repr(x) == repr(y) for x, y in zip(results[:n], results[-n:])))

total = 0.0
x = 7
for i in range(1, 2000):
    total += x / i
    x /= 1.0001
    x = x / -1 if i % 500 == 0 else x
print(round(total, 9), x)

# In-place division on a loop variable that starts as an int.
v = 1000
for i in range(1, 60):
    v /= 2 if i % 2 else -3
print(v)
print(1 / 0)
