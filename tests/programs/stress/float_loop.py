# tests: float accumulation in hot loops: harmonic series, leibniz pi, newton sqrt
h = 0.0
for i in range(1, 50001):
    h += 1.0 / i
print(h)
pi = 0.0
sign = 1.0
for k in range(50000):
    pi += sign / (2 * k + 1)
    sign = -sign
print(pi * 4)
x = 2.0
g = 1.0
for _ in range(30):
    g = (g + x / g) / 2
print(g, g * g)
