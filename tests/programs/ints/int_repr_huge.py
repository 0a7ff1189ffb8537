# tests: printing large ints exactly (powers, mersenne-like numbers) and digit sums
n = 2 ** 1000
s = str(n)
print(len(s), s[:20], s[-20:])
print(sum([int(c) for c in s]))
m = 7 ** 300 - 1
print(m % 1000000007)
print(str(10 ** 100)[:5], len(str(10 ** 100)))
print(-(2 ** 127 - 1))
print((2 ** 127 - 1) % 1000)
