# tests: huge numbers, factorial, arithmetic and comparison on bigints, str of big ints
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(f)))
print(2 ** 200)
print(-(3 ** 150))
a = 10 ** 40 + 123
b = 10 ** 20 - 7
print(a + b, a - b, a * b)
print(a // b, a % b)
print(a > b, -a < -b, a == 10 ** 40 + 123)
print(abs(-a), -(-a) == a)
print(int(str(a)) == a)
print((2 ** 64) - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
print(4611686018427387904 * 2)
print(3037000500 * 3037000500)
print((10 ** 50) // (10 ** 25), (10 ** 50) % 7)
