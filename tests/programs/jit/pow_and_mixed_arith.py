# Generic BINARY_OP on ints and floats in hot loops (the JIT's shared fast path):
# powers with positive float bases, int/float mixes, true division, and the cases
# that must take the generic path (overflow, zero division, negative bases).
vals = [0.5, 2.0, 3, 1e-3, 7.25, 10, 1.0]
exps = [0.5, -1.5, 2, 3.0, 1e-3, -2, 0]
out = []
for x in vals:
    for y in exps:
        out.append(repr(x ** y))
print(out)


def mixed(n):
    acc = 0.0
    for i in range(1, n):
        acc += i / 7 + (i % 5) * 0.5 - i // 3 + 2 ** (i % 4) + (i * 1.5) ** 0.5
    return acc


print(mixed(3000))


def risky(values):
    total = 0.0
    for v in values:
        total += 1.0 / v
    return total


print(risky([1, 2.0, 4, 8.0] * 100))
try:
    risky([1, 2, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print([(10.0 + i) ** 300 for i in range(200)][-1])
except OverflowError as e:
    print("OverflowError:", e)
print([(-8.0) ** 2, (-2) ** 3, 0.0 ** 2, (2 ** 0.5) ** 2])
