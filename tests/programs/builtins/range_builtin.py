# tests: range() argument forms and use as list/tuple, with large and negative bounds
print(list(range(5)), list(range(2, 5)), list(range(10, 2, -3)), list(range(-5, -1)))
print(tuple(range(0, -10, -4)), list(range(3, 3)), list(range(3, 1)))
r = range(-10, 10, 3)
print(r, len(r), r[1], r[-2], list(r))
print(sum(range(0, 10 ** 6, 7)), len(range(-(10 ** 18), 10 ** 18, 10 ** 17)))
