# tests: mixed int/float arithmetic in loops, int+float promotion, comparisons of mixed values
a = 0
for i in range(1000):
    if i % 2:
        a += 1
    else:
        a += 0.5
print(a, type(a).__name__)
b = 10
for i in range(5):
    b = b / 2 if i % 2 == 0 else b * 3
    print(b, type(b).__name__)
c = 1
for i in range(1, 60):
    c = c * i if i < 25 else c / i
print(c)
vals = [1, 2.5, True, 3, 0.5, False, 10 ** 18]
s = 0
for v in vals:
    s = s + v
    print(s, type(s).__name__)
m = 0
for v in [3, 2.999, 3.0, 4, 3.5]:
    if v > m:
        m = v
print(m)
