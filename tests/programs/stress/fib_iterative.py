# tests: iterative fibonacci mod 1e9+7 in a 50000-iteration loop, and one without mod (bigint growth)
a, b = 0, 1
for _ in range(50000):
    a, b = b, (a + b) % 1000000007
print(a)
x, y = 0, 1
for _ in range(1000):
    x, y = y, x + y
print(len(str(x)), x % 1000000007)
