# tests: range len, indexing, negative steps, in, reversed, empty ranges, repr, slicing, errors
r = range(10)
print(r, range(2, 8), range(0, 10, 3), range(5, -5, -2), repr(range(0)))
print(len(r), len(range(2, 8)), len(range(0, 10, 3)), len(range(5, -5, -2)), len(range(5, 0)), len(range(0, -5, 1)))
print(r[0], r[-1], r[3], range(0, 10, 3)[-1], range(5, -5, -2)[2])
print(list(range(5, -5, -2)), list(range(0)), list(range(3, 3)), list(range(10, 0, -3)))
print(5 in r, 10 in r, -1 in r, 4 in range(0, 10, 2), 5 in range(0, 10, 2), 3.0 in r)
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))))
print(r[2:5], r[::-1], r[::2], list(r[1:8:3]), range(0, 10, 3)[1:])
print(range(3) == range(0, 3, 1), range(0) == range(5, 2), list(range(-3, 3)))
print(range(10).index(4), range(10).count(3), sum(range(101)), max(range(7)), min(range(3, 9)))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
try:
    len(range(0, 10 ** 20, 7))
except OverflowError as e:
    print("OverflowError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
