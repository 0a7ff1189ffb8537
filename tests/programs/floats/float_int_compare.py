# tests: int/float comparisons incl. precision edges, inf/nan comparisons
print(1 == 1.0, 1 < 1.5, 2 > 1.99, -1 < -0.5)
print(2 ** 53 == 2 ** 53 + 0.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53 + 1))
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, 1 == nan)
print(float("inf") == float("inf"), float("inf") > 10 ** 1000)
print(0.0 == -0.0, 0 == -0.0)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(sorted([3, 1.5, -2, 2.0, 0, -0.5]))
print(max(1, 1.0, True), min(2.0, 2))
l = [nan]
print(nan in l, l == l, l.count(nan))
