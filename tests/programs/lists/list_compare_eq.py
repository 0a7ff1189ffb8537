# tests: list equality with mixed numeric types and nan identity shortcut
nan = float("nan")
print([1, 2] == [1.0, 2.0], [True] == [1], [nan] == [nan], [[]] == [[]])
a = [1, 2, 3]
b = [1, 2, 4]
print(a < b, a <= b, a > b, a >= a, max([a, b]), min([[3], [1, 5], [1]]))
print(sorted([[3, 1], [1, 2, 3], [1, 2], [3]]))
