# tests: int comparisons, min/max, sorting mixed small and big ints
vals = [5, -3, 10 ** 20, -(10 ** 20), 0, 2 ** 63, -(2 ** 63), 7]
print(sorted(vals))
print(max(vals), min(vals))
print(2 ** 63 > 2 ** 63 - 1, -(2 ** 63) < -(2 ** 63) + 1)
print(10 ** 20 == 10 ** 20, 10 ** 20 != 10 ** 20 + 1)
print(1 < 2, 2 <= 2, 3 >= 4, 5 != 5)
print([a < b for a, b in [(1, 2), (2, 1), (-1, 1), (10 ** 30, 10 ** 29)]])
