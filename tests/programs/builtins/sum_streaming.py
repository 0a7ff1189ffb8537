# sum() pulls items one at a time (side effects interleave as in CPython), adds ints
# as machine integers until one overflows or a non-int arrives, adds floats with
# compensation, and falls back to `+` for anything else, keeping exact results.
import sys


def noisy(items):
    for x in items:
        print("yield", x)
        yield x


class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Num({self.v})"

    def __add__(self, other):
        print("add", self.v, other)
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __radd__(self, other):
        print("radd", other, self.v)
        return Num(other + self.v)


print(sum(noisy([1, 2, 3])))
print(sum(noisy([Num(1), Num(2)])).v)
print(sum([1, 2, Num(3), 4]).v)
print(sum([], True), sum([True, True]), sum([True], 0), sum([], 0.0), sum([]))
print(sum([sys.maxsize, 1, 1]), sum([-sys.maxsize, -2, -3]))
print(sum([2**64, 1, -(2**64)]), sum([10**30, 1.5]))
print(sum([0.1] * 10), sum([0.1] * 10, 1), sum([1, 0.1, 0.2, 0.3]))
print(sum([1e100, 1.0, -1e100, 1.0]), sum([1.0, 1e100, 1.0, -1e100]))
print(sum([-0.0]), sum([-0.0], -0.0), sum([], -0.0))
print(sum([float("inf"), 1.0]), sum([float("inf"), float("-inf")]), sum([1e308, 1e308]))
print(sum([0.5, 2**70]), sum([0.5, 2**40, 0.25]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum(x * x for x in range(1000)), sum(x / 3 for x in range(100)))


class F(float):
    pass


class I(int):
    pass


print(sum([F(1.5), 2.0]), type(sum([F(1.5), 2.0])).__name__)
print(sum([1.5, I(2), 0.1]), sum([I(2), I(3)]), type(sum([I(2), I(3)])).__name__)
print(sum([1, 2], start=10), sum(iter([1.5, 2.5]), 1))

try:
    sum(noisy([1, "a", 2]))
except TypeError as e:
    print("TypeError:", e)

try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)


def failing():
    yield 1.5
    raise ValueError("from the iterator")


try:
    sum(failing())
except ValueError as e:
    print("ValueError:", e)
