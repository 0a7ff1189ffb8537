# tests: float floor/mod sign rules with negative zero and small values
print(-0.0 // 1, 0.0 // -1, -0.0 % 1, 0.0 % -1)
print(-1e-20 % 1.0, 1e-20 % -1.0)
print(-3.0 // 2, 3.0 // -2, -3.0 % 2, 3.0 % -2)
print(5.5 // 1.5, 5.5 % 1.5, -5.5 // 1.5, -5.5 % 1.5)
print(-7 // 2.0, -7 % 2.0, 7 % -2.0)
print(float("inf") // 1 if False else "skip", float("inf") % 1 if False else "skip2")
print(1.0 % float("inf"), -1.0 % float("inf"))
