# tests: int overflow past 64 bits inside loops (add, mul, shift, negate)
x = 1
for i in range(100):
    x = x * 3
print(x)
y = 9223372036854775800
for i in range(20):
    y += 1
print(y)
z = -9223372036854775800
for i in range(20):
    z -= 1
print(z)
acc = 0
for i in range(1, 40):
    acc = acc * 7 + i
print(acc)
fib_a, fib_b = 0, 1
for i in range(150):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a)
m = 2 ** 62
print(m + m, m * 2, m * 4, -m - m - m)
n = -(2 ** 63)
print(-n, abs(n), n // -1, n * -1)
