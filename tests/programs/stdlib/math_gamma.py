# math.gamma / math.lgamma: CPython's own Lanczos implementation, bit for bit, and its errors.
import math
vals = [0.5, 1.5, 2.5, 3.0, 4.7, 5.0, 7.3, 10.0, 10.5, 23.0, 24.0, 30.5, 100.25, 141.5, 170.6, 171.7, 199.9, 1e-21, -1e-21, -0.5, -1.5, -2.25, -10.3, -150.5, -170.3, -201.5, 1e-5, 0.001, 3.14159, 1e5, 1e300, 2.0, 1.0]
for i in range(1, 400):
    vals.append(i * 0.37 - 60.1)
for v in vals:
    out = []
    for f in (math.gamma, math.lgamma):
        try:
            out.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(v, *out)
for v in [0.0, -0.0, -1.0, -2.0, float("inf"), float("-inf"), float("nan")]:
    for f in (math.gamma, math.lgamma):
        try:
            print(v, repr(f(v)))
        except (ValueError, OverflowError) as e:
            print(v, type(e).__name__, e)
