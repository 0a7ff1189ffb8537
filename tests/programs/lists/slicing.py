# tests: list slicing with steps, negative indices, out-of-range slices
a = list(range(10))
print(a[2:7], a[:3], a[-3:], a[::3], a[::-1], a[-2:2:-3], a[8:1:-2])
print(a[5:100], a[-100:2], a[7:3], a[::-4], a[1:-1:2])
b = a[:]
print(b == a, b is a)
print(a[3:3], a[len(a):])
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
nested = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1] for row in nested], nested[1][::-1], nested[::-1][0])
