# tests: abs min max sum divmod pow round with various types
print(abs(-5), abs(5.5), abs(-0.0), abs(True), abs(-(10 ** 30)))
print(min(3, 1, 2), max([3, 1, 2]), min("bca"), max((1, 9), (2, 0)))
print(min([4, -1, 7], key=abs), max(["aa", "b", "ccc"], key=len), max([], default="empty"), min((), default=0))
print(max([1, 3, 2], key=lambda v: -v), min([5, 5.0]), max([5.0, 5]))
print(max(["ab", "cd", "ef"], key=len), min([(1, "b"), (1, "a")]))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.5, 0.25]), sum([[1], [2, 3]], []), sum([], 5), sum(range(1000)))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(10 ** 20, 3))
print(pow(2, 8), pow(2.0, 3), pow(2, -2), pow(5, 3, 13), pow(-2, 3))
print(round(2.567, 2), round(-2.5), round(3), round(1234, -2), round(0.5 + 1e-9))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max()
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
