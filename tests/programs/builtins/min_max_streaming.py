# min() and max() pull one item at a time and call the key as each arrives, so
# side effects interleave as in CPython; a long generator keeps collecting garbage
# while it is drained; errors from the iterator, the key and the comparison surface
# where CPython raises them.
def noisy(n):
    for i in range(n):
        print("yield", i)
        yield i


print(max(noisy(3), key=lambda x: print("key", x) or -x))
print(min(noisy(3), key=lambda x: print("key", x) or x % 2))
print(max(noisy(0), default="empty"))
print(min(3, 1, 2, key=lambda x: print("key", x) or x))


def garbage(n):
    # Each item makes a short-lived list: the collector must be free to run.
    for i in range(n):
        junk = [i] * 20
        yield (len(junk) * i) % 9973


print(max(garbage(200000)), min(garbage(200000)))
print(max(garbage(1000), key=lambda x: [x, -x][1]))


def failing():
    yield 1
    yield 2
    raise ValueError("from the iterator")


try:
    max(failing(), key=lambda x: print("key", x) or x)
except ValueError as e:
    print("ValueError:", e)


def bad_key(x):
    if x == 2:
        raise KeyError(x)
    return x


try:
    min(noisy(4), key=bad_key)
except KeyError as e:
    print("KeyError:", e)

try:
    max([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)

try:
    max(noisy(0))
except ValueError as e:
    print("ValueError:", e)


class Box:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v

    def __gt__(self, other):
        print("gt", self.v, other.v)
        return self.v > other.v


print(max(Box(i) for i in [3, 1, 4, 1, 5]).v)
print(min(Box(i) for i in [3, 1, 4, 1, 5]).v)
args = (5, 9, 2)
print(max(*args), min(*args, key=lambda x: -x))
print(max(iter([]), default=None))
