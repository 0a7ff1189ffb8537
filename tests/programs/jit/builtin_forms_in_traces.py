# tests: len(), list.append() and float() in hot loops (the JIT runs them without the
# step helper when the callable is the builtin the site was specialized for): every
# container kind, non-ASCII strings, a class with __len__, a list subclass, bools,
# big ints, strings and NaN-producing values for float(), and len/float rebound
# mid-loop.
import builtins


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class MyList(list):
    pass


def lengths(n):
    things = [[1, 2], (1, 2, 3), "héllo", {1: 2}, {1, 2, 3, 4}, "", Sized(9), range(5)]
    total = 0
    for i in range(n):
        total += len(things[i % len(things)])
    return total


def appends(n):
    plain = []
    sub = MyList()
    for i in range(n):
        plain.append(i)
        if i % 3 == 0:
            sub.append(i)
    return len(plain), sum(plain), len(sub), type(sub).__name__


def floats(n):
    values = [3, -7, True, 2**60, 1.5, float("inf"), "2.5", 0, -0.0, 10**20]
    out = []
    total = 0.0
    for i in range(n):
        f = float(values[i % len(values)])
        total += f if f == f and f not in (float("inf"),) else 0.0
        if i < len(values):
            out.append(repr(f))
    return total, out


def rebound(n):
    global len, float
    results = []
    for i in range(n):
        if i == n // 3:
            len = lambda x: -1
        if i == n // 2:
            del len
        if i == 2 * n // 3:
            float = int
        results.append((len([1, 2, 3]), float(i)))
    del float
    return results[0], results[n // 3], results[n // 2], results[-1]


print(lengths(3000))
print(appends(3000))
print(floats(3000))
print(rebound(900))
print(len("abc"), float(4), builtins.len is len)
