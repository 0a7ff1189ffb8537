# Operators on two instances of one Python class run the class's special method as a
# frame of the interpreter's own (no trip through the runtime): NotImplemented, in-place
# forms, methods that change or raise, deep recursion and everything that must not take
# that path still behave as in CPython.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if other.cents < 0:
            return NotImplemented
        return Money(self.cents + other.cents)

    def __sub__(self, other):
        self = None  # rebinding the operands does not change the error message
        other = 3
        return NotImplemented

    def __mul__(self, other):
        raise ArithmeticError("no multiplying money")

    def __repr__(self):
        return f"Money({self.cents})"


def totals(n):
    total = Money(0)
    refused = 0
    for i in range(n):
        try:
            total = total + Money(i % 7 - 1)
        except TypeError as error:
            refused += 1
            message = str(error)
    return total, refused, message


def inplace(n):
    total = Money(0)
    for i in range(n):
        total += Money(i)
    return total


class Counter:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        return Counter(self.n + other.n)

    def __iadd__(self, other):
        self.n += other.n
        return self


def inplace_method(n):
    c = Counter(0)
    first = c
    for i in range(n):
        c += Counter(i)
    return c.n, c is first


class Weird:
    def __add__(self, other, extra=1):
        return extra

    def __sub__(self, *others):
        return len(others)

    def __mul__(self, other):
        yield other

    def __truediv__(self, other, /):
        return "positional"

    def __floordiv__(self, other):
        return self // other  # recursion through the operator


def odd_methods():
    a, b = Weird(), Weird()
    results = []
    for _ in range(40):
        results.append((a + b, a - b, type(a * b).__name__, a / b))
    try:
        a // b
    except RecursionError:
        results.append("recursion")
    return results[0], results[-1], len(results)


class Left:
    def __add__(self, other):
        return "left"


class Right(Left):
    def __radd__(self, other):
        return "right"


def mixed(n):
    seen = []
    for i in range(n):
        x = Left() if i % 2 else Right()
        y = Right() if i % 3 else Left()
        seen.append(x + y)
    return seen.count("left"), seen.count("right")


def redefined(n):
    class V:
        def __init__(self, v):
            self.v = v

        def __add__(self, other):
            return V(self.v + other.v)

    acc = V(0)
    for i in range(n):
        if i == n // 2:
            V.__add__ = lambda self, other: V(self.v - other.v)
        acc = acc + V(1)
    return acc.v


def deep(depth):
    return Money(1) * Money(depth)


print(totals(200))
print(inplace(300))
print(inplace_method(300))
print(odd_methods())
print(mixed(60))
print(redefined(100))
try:
    Money(1) - Money(2)
except TypeError as error:
    print("TypeError", error)
try:
    x = Money(1)
    x -= Money(2)
except TypeError as error:
    print("TypeError", error)
deep(3)
