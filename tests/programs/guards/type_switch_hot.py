# tests: hot loop (3000 iters per phase) where the accumulator changes type: int, float, bigint, back to int
acc = 0
for i in range(12000):
    if i == 3000:
        acc = float(acc)
    elif i == 6000:
        acc = int(acc) * 10 ** 20
    elif i == 9000:
        acc = acc % 1000
    acc = acc + i
print(acc, type(acc).__name__)
vals = []
v = 7
for i in range(8):
    v = v * 1000000007
    vals.append(v % 1000)
print(vals, v > 2 ** 63)
