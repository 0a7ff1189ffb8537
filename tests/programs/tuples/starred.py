# tests: starred unpacking a, *b = ...; *a, b; a, *b, c; starred in calls and literals
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = (1, 2, 3, 4)
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
first, *rest = "hello"
print(first, rest)
(a, *b), c = (1, 2, 3), 4
print(a, b, c)
print(*[1, 2, 3])
print([*range(3), *"ab", 9])
print((*[1, 2], 3))
def f(x, y, z):
    return x * 100 + y * 10 + z
print(f(*[1, 2, 3]), f(1, *(2, 3)))
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
