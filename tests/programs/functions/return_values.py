# tests: return in various places: early return, return None implicitly, return inside loops
def find_first_neg(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return i
    return -1
print(find_first_neg([3, 4, -1, 2]), find_first_neg([1]))
def nothing():
    x = 1
print(nothing())
def early(n):
    if n > 5:
        return "big"
    while True:
        n += 1
        if n == 5:
            return "hit five"
print(early(10), early(0))
def multi():
    return 1, [2], {"three": 3}
a, b, c = multi()
print(a, b, c)
