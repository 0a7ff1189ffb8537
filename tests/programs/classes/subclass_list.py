# tests: subclassing list: base methods, indexing, slicing, iteration, operators, overrides, super()
class Stack(list):
    def push(self, item):
        self.append(item)
        return self

    def peek(self):
        return self[-1]

    @property
    def size(self):
        return len(self)


s = Stack()
s.push(1).push(2).push(3)
print(s, len(s), s.size, s.peek(), s.pop(), s, type(s).__name__)
print(isinstance(s, list), isinstance(s, Stack), issubclass(Stack, list), Stack.__mro__)
print(s == [1, 2], [1, 2] == s, s != [1], s < [1, 3], s > [0], s[0], s[-1], s[::-1], type(s[:]).__name__)
s.extend(range(5))
s.insert(0, 99)
s.remove(0)
print(s, s.index(99), s.count(1), sorted(s), min(s), max(s), sum(s))
s.sort()
print(s)
s.reverse()
print(s, list(reversed(s)))
s[1:3] = ["a", "b", "c"]
print(s)
del s[0]
del s[-2:]
print(s, 2 in s, "a" in s, 42 in s)
t = Stack([1, 2])
t += [3]
print(t, type(t).__name__)
t *= 2
print(t, type(t).__name__)
print(t + [0], type(t + [0]).__name__, [0] + t, t * 2, 2 * t)
print([x * 10 for x in t], list(enumerate(Stack("ab"))), bool(Stack()), bool(t), not Stack())
print(repr(Stack([Stack([1]), "x"])), str(Stack()))
t.tag = "tagged"
print(t.tag, t.__dict__, t.copy(), type(t.copy()).__name__)


class Logged(list):
    def __init__(self, items=()):
        super().__init__(items)
        self.log = ["init"]

    def append(self, item):
        self.log.append(f"append {item!r}")
        super().append(item)

    def __getitem__(self, index):
        self.log.append(f"get {index!r}")
        return super().__getitem__(index)

    def __setitem__(self, index, value):
        self.log.append(f"set {index!r}")
        super().__setitem__(index, value)

    def __len__(self):
        return super().__len__() + 100

    def __repr__(self):
        return "Logged(" + list.__repr__(self) + ")"


g = Logged([3, 4])
g.append(5)
print(g[0], g[-1], g[0:2])
g[1] = 40
print(len(g), g, str(g), g.log)
print(list.__len__(g), list.__getitem__(g, 1), list(g))


class Matrix(list):
    def __init__(self, rows, cols):
        super().__init__([[0] * cols for _ in range(rows)])
        self.shape = (rows, cols)

    def __add__(self, other):
        result = Matrix(*self.shape)
        for i in range(self.shape[0]):
            for j in range(self.shape[1]):
                result[i][j] = self[i][j] + other[i][j]
        return result


m = Matrix(2, 2)
m[0][0] = 1
m[1][1] = 2
n = m + m
print(n, type(n).__name__, n.shape, m)
total = 0
for i in range(1000):
    total += len(Stack([i, i]))
print(total)
