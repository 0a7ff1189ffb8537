import bisect
from bisect import bisect_left, bisect_right, insort, insort_left, insort_right


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect_left(a, x), bisect_right(a, x), bisect.bisect(a, x))
print(bisect_left(a, 2, 2), bisect_right(a, 2, 0, 3), bisect_left(a, 2, lo=4, hi=6))
print(bisect_left(a, 2, hi=None), bisect_right([], 1))
s = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(s, v)
print(s)
insort_left(s, 5)
insort_right(s, 0)
print(s)
words = ["apple", "Banana", "cherry"]
print(bisect_left(words, "b", key=str.lower), bisect_right(words, "CHERRY", key=str.upper))
records = [("a", 1), ("b", 3), ("c", 7)]
insort(records, ("x", 4), key=lambda r: r[1])
print(records)
insort_left(records, ("y", 3), key=lambda r: r[1])
print(records)


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100]])
show(bisect_left, [1, 2], 1, -1)
show(bisect_right, [1, 2], 1, 0, -1)
show(bisect_left, None, 1)
show(bisect_left, [1, 2], 1, 5)
show(bisect_left, [1, 2], 1, 0, 10)
show(insort, (1, 2), 1)
show(bisect_left, [1, 2], 1, lo="a")
show(bisect_left, [1, "a"], 2)

calls = []


class Key:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        calls.append((self.v, other.v))
        return self.v < other.v


keys = [Key(v) for v in range(0, 20, 2)]
print(bisect_left(keys, Key(7)), bisect_right(keys, Key(8)), calls)
show(bisect_left, [1, 2])
show(bisect_left)
show(bisect_right, [1, 2], 1, 0, 1, 5)
show(bisect_right, [1, 2], 1, foo=1)
show(insort_left, [1], 2, key=None)
print(bisect_right(range(0, 100, 5), 42), bisect_left("aceg", "d"), bisect_left((1, 2, 3), 2.5))
