# tests: any all map filter with functions and None, short-circuit behaviour of any/all
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(["", None]), all("abc"))
print(any([x > 3 for x in range(5)]), all([x < 5 for x in range(5)]))
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb"])), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda v: v % 2, range(10))))
print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
seen = []
def check(v):
    seen.append(v)
    return v > 2
print(any(map(check, [1, 2, 3, 4, 5])), seen)
seen.clear()
print(all(map(check, [3, 4, 1, 5])), seen)
