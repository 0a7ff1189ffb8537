# tests: bigint arithmetic in a loop: factorial of 1500 and 2**n accumulation
f = 1
for i in range(2, 1501):
    f *= i
s = str(f)
print(len(s), s[:15], sum([int(c) for c in s]))
p = 1
acc = 0
for i in range(3000):
    p *= 2
    acc += p
print(acc == 2 ** 3001 - 2, acc % 1000000007)
