# Calls with keyword arguments (CALL_KW) at hot sites: bound in place for simple
# parameters, with every binding error CPython reports, and the general binding
# for keyword-only parameters, **kwargs and callables that are not functions.


def point(x, y=0, z=0):
    return (x, y, z)


def run_binding():
    acc = []
    for i in range(100):
        acc.append(point(i, z=2))
        acc.append(point(z=i, y=1, x=2))
        acc.append(point(1, 2, z=i))
    print("bound", acc[:3], acc[-3:], len(acc))


def run_errors():
    cases = [
        lambda: point(1, x=2),
        lambda: point(1, w=2),
        lambda: point(y=1),
        lambda: point(1, 2, 3, z=4),
        lambda: posonly(1, a=2),
    ]
    for case in cases:
        for i in range(20):
            try:
                case()
            except TypeError as e:
                if i == 19:
                    print("TypeError:", e)


def posonly(a, /, b=5):
    return a + b


def kwonly(a, *, scale=2):
    return a * scale


def anykw(a, **extra):
    return a + sum(extra.values())


def star(*args, last=0):
    return sum(args) + last


class Shape:
    def __init__(self, w, h=1):
        self.w = w
        self.h = h

    def area(self, scale=1, offset=0):
        return self.w * self.h * scale + offset


def run_general():
    total = 0
    for i in range(100):
        total += posonly(i, b=1)
        total += kwonly(i, scale=3)
        total += anykw(i, p=1, q=2)
        total += star(1, 2, last=i)
        s = Shape(i, h=2)
        total += s.area(offset=1)
        total += s.area(scale=2, offset=i)
        total += Shape(w=i).area(scale=3)
    print("general", total)


def countdown(n, step=1):
    while n > 0:
        yield n
        n -= step


def walk(n, acc=0):
    if n == 0:
        return acc
    return walk(n - 1, acc=acc + n)


def run_frames():
    print("generator", sum(countdown(50, step=3)), list(countdown(step=2, n=7)))
    print("recursion", walk(300))
    calls = 0
    for i in range(50):
        calls += len(sorted([3, 1, 2], key=lambda v: -v, reverse=i % 2 == 0))
        calls += int("11", base=2)
    print("natives", calls)


run_binding()
run_errors()
run_general()
run_frames()
