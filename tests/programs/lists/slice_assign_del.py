# tests: slice assignment (growing, shrinking, extended), slice deletion, del index
a = list(range(10))
a[2:5] = ["a", "b"]; print(a)
a[1:1] = [100, 200]; print(a)
a[:] = [1, 2, 3]; print(a)
a[len(a):] = [4, 5]; print(a)
a[::2] = ["x", "y", "z"]; print(a)
a[-2:] = []; print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
b = list(range(12))
del b[::3]; print(b)
del b[1:3]; print(b)
del b[-1]; print(b)
del b[:]; print(b)
c = [1, 2, 3]
c[1:2] = "xyz"; print(c)
c[::-1] = [7, 8, 9, 10, 11]; print(c)
d = [0] * 5
d[1:4] = d; print(d)
