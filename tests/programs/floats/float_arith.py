# tests: basic float arithmetic, precision, accumulation, mixed int/float
print(0.1 + 0.2, 0.1 * 3, 1.1 * 1.1, 1 - 0.9)
print(3 * 1.5, 7 + 0.5, 2 ** 0.5, 10 - 2.5)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0)
print(-0.0, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(-0.0))
print(1.5 ** 2, 2.0 ** -2, (-2.0) ** 3, 4.0 ** 0.5)
print(float("inf") - float("inf"), float("inf") * 0, float("inf") + 1)
print(sum([0.1] * 10), sum([1, 2.5, 3]))
print(100 * 1.1, 0.7 + 0.1, 0.3 - 0.1)
