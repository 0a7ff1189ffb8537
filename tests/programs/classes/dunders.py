# tests: user classes with __str__/__repr__, comparisons and sorting, __len__/__bool__, __call__, __iter__/__next__, __getattr__, __setitem__, in-place and reflected operators
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return "Vec(" + ", ".join(repr(x) for x in self.xs) + ")" if False else "Vec" + repr(tuple(self.xs))
    def __str__(self):
        return "<" + " ".join(str(x) for x in self.xs) + ">" if False else "<%s>" % " ".join(map(str, self.xs))
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
        return Vec(*[a + other for a in self.xs])
    def __radd__(self, other):
        return self + other
    def __iadd__(self, other):
        self.xs = [a + other for a in self.xs]
        return self
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __lt__(self, other):
        return sum(self.xs) < sum(other.xs)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs
    __hash__ = None
    def __neg__(self):
        return Vec(*[-a for a in self.xs])

v = Vec(1, 2, 3)
w = Vec(4, 5, 6)
print(v, repr(w), v + w, v + 1, 1 + v, v * 3, -v, len(v), v[1])
v += 10
v[0] = 0
print(v, v == Vec(0, 12, 13), v != w)
print(sorted([Vec(3), Vec(1), Vec(2)]), max([Vec(5), Vec(9)]))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(Countdown(5)), sum(Countdown(100)))

class Adder:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x + self.k

add5 = Adder(5)
print(add5(10), list(map(add5, [1, 2, 3])), callable(add5))

class Empty:
    def __bool__(self):
        return False

class Lazy:
    def __getattr__(self, name):
        return name.upper()

print(bool(Empty()), "yes" if Empty() else "no", Lazy().hello)
try:
    hash(v)
except TypeError as e:
    print("TypeError:", e)
