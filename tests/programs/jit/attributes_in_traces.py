# tests: instance attribute loads and stores in hot function loops (the JIT runs
# tier 1's guards and in-place stores through fast helpers): subclasses at the same
# site, an attribute deleted and re-added (a different namespace position), a
# property and a __setattr__ added to the class mid-loop, a method shadowed by an
# instance attribute, and an AttributeError.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def moves(points, n):
    total = 0
    for i in range(n):
        p = points[i % len(points)]
        p.x = p.x + 1
        p.y -= 1
        total += p.x * 2 + p.y + p.norm1()
        if i == n // 2:
            del p.x
            p.x = 7
    return total, [(q.x, q.y) for q in points]


def class_changes(n):
    p = Point(1, 2)
    log = []
    for i in range(n):
        if i == n // 3:
            Point.y = property(lambda self: 100, lambda self, v: log.append(v))
        if i == 2 * n // 3:
            del Point.y
            p.y = -5
        p.y = i
        log.append(p.y)
    return log[n // 3 - 1 : n // 3 + 2], log[-3:], len(log)


def setattr_hook(n):
    class Watched(Point):
        pass

    w = Watched(0, 0)
    seen = []
    for i in range(n):
        if i == n // 2:
            Watched.__setattr__ = lambda self, k, v: seen.append((k, v))
        w.x = i
    return w.x, seen[:2], len(seen)


def shadowed(n):
    p = Point(3, 4)
    out = 0
    for i in range(n):
        if i == n // 2:
            p.norm1 = lambda: -1
        out += p.norm1()
    return out


def missing(n):
    p = Point(1, 1)
    total = 0
    try:
        for i in range(n):
            if i == n - 10:
                del p.y
            total += p.y
    except AttributeError as error:
        return total, str(error)


print(moves([Point(1, 2), Point3(3, 4, 5), Point(-1, -1)], 3000))
print(class_changes(1500))
print(setattr_hook(1000))
print(shadowed(1000))
print(missing(1000))
