# tests: tuple packing/unpacking, single-element tuples, nested unpacking, swap
t = 1, 2, 3
print(t, type(t).__name__, len(t))
a, b, c = t
print(a, b, c)
single = 5,
print(single, (5), (5,), ())
(x, (y, z)), w = (1, (2, 3)), 4
print(x, y, z, w)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
p, q = q, p = 1, 2
print(p, q)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
