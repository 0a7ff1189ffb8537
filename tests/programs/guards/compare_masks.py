# Every comparison operator at hot int and float sites (specialized COMPARE_OP_INT /
# COMPARE_OP_FLOAT, answered by the argument's outcome mask), with the operands that
# make masks go wrong: equal values, NaN (unordered: only != holds), signed zeros,
# infinities, and ints at the edge of the small-int range (past it, the guard fails).
import math

def table(pairs):
    rows = []
    for a, b in pairs:
        row = 0
        for _ in range(3):
            bits = 0
            if a < b:
                bits |= 1
            if a <= b:
                bits |= 2
            if a == b:
                bits |= 4
            if a != b:
                bits |= 8
            if a > b:
                bits |= 16
            if a >= b:
                bits |= 32
            row = bits
        rows.append(row)
    return rows

def values(pairs):
    return [(a < b, a <= b, a == b, a != b, a > b, a >= b) for a, b in pairs]

ints = [(1, 2), (2, 1), (5, 5), (-3, 3), (0, 0), (-7, -8)]
edge = 2**47
ints += [(edge - 1, edge - 1), (edge - 1, -edge), (-edge, edge - 1), (edge, edge), (2**62, 2**62 + 1)]
floats = [(1.5, 2.5), (2.5, 1.5), (3.0, 3.0), (0.0, -0.0), (-0.0, 0.0),
          (math.inf, math.inf), (-math.inf, math.inf), (math.nan, 1.0),
          (1.0, math.nan), (math.nan, math.nan), (math.inf, math.nan)]

for _ in range(40):
    int_rows = table(ints)
    float_rows = table(floats)
print(int_rows)
print(float_rows)
print(values(ints))
print(values(floats))

# A site that goes from ints to floats to NaN mid-loop.
count = 0
for x in [1, 2, 3] * 10 + [1.0, 2.5, math.nan] * 10 + [3, math.nan, 2**70] * 10:
    if x < 2.6:
        count += 1
    if x != x:
        count += 100
print(count)
