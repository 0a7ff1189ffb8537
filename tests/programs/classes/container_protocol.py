# tests: user containers: __len__, __getitem__ with ints and slices, __setitem__, __delitem__, __contains__, __iter__, __reversed__, iteration via __getitem__ fallback
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self[key]
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
    def __contains__(self, value):
        return value in self.cells.values()
    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield self[x, y]
    def rows(self):
        return ["".join(self[x, y] for x in range(self.w)) for y in range(self.h)]

g = Grid(4, 3)
g[0, 0] = "#"
g[3, 2] = "@"
g[1, 1] = "#"
print(g.rows(), len(g), "#" in g, "?" in g)
del g[1, 1]
print(g.rows(), len(g), list(g).count("."))
try:
    g[4, 0] = "x"
except IndexError as e:
    print("IndexError:", e)
try:
    del g[2, 2]
except KeyError as e:
    print("KeyError:", e)

class Seq:
    """Old-style sequence: iteration and `in` through __getitem__ alone."""
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(range(self.n))[i]
        if i >= self.n:
            raise IndexError(i)
        return i * i

s = Seq(5)
print(list(s), 9 in s, 10 in s, s[1:4], s[::-2], sorted(s, reverse=True))
it = iter(s)
print(next(it), next(it), type(it).__name__)
a, b, *rest = s
print(a, b, rest, max(s), sum(s))

class Rev:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __reversed__(self):
        print("custom reversed")
        return iter(self.items[::-1])
print(list(reversed(Rev([1, 2, 3]))))

class LenOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i < 3:
            return chr(97 + i)
        raise IndexError
print(list(reversed(LenOnly())), bool(LenOnly()), len(LenOnly()))

class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)

class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print("TypeError:", e)

class NotIterable:
    pass
try:
    for _ in NotIterable():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    1 in NotIterable()
except TypeError as e:
    print("TypeError:", e)
try:
    NotIterable()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    NotIterable()[0] = 1
except TypeError as e:
    print("TypeError:", e)
