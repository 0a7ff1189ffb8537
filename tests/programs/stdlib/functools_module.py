import functools
from functools import reduce, partial, lru_cache, cache, wraps, cmp_to_key, total_ordering


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
print(reduce(lambda acc, x: acc + [x * 2], range(4), []), reduce(max, [3, 9, 2]))
print(reduce(lambda a, b: a + b, iter("abc")), reduce(lambda a, b: a + b, [5]))
show(reduce, lambda a, b: a + b, [])
show(reduce, lambda a, b: a + b, 5)
show(reduce, 5, [1, 2])

base2 = partial(int, base=2)
print(base2("1010"), base2("11", base=10), repr(base2), base2.func, base2.args, base2.keywords)


def power(base, exponent, scale=1):
    return scale * base ** exponent


square = partial(power, exponent=2)
cube = partial(power, exponent=3, scale=10)
print(square(5), cube(2), cube(2, scale=1))
add3 = partial(partial(lambda a, b, c: a + b + c, 1), 2)
print(add3(3), add3.args, callable(add3))
show(partial)
show(partial, 5)

calls = []


@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache
def square_cached(x):
    return x * x


print([square_cached(i % 3) for i in range(6)], square_cached.cache_info())


@lru_cache(maxsize=2)
def ident(x):
    calls.append(x)
    return x


calls.clear()
for v in [1, 2, 1, 3, 2, 1]:
    ident(v)
print(calls, ident.cache_info())


@cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)


print(ways(30), ways.__name__)


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper


@logged
def greet(name):
    return "hi " + name


print(greet("bob"), greet.__name__, greet.__wrapped__("x"))


def compare_len(a, b):
    return len(a) - len(b)


print(sorted(["ccc", "a", "bb"], key=cmp_to_key(compare_len)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)


a, b = Version(1, 2), Version(1, 3)
print(a < b, a <= b, a > b, a >= b, a == b, b >= a)
show(reduce, lambda a, b: a + b)
show(reduce, lambda a, b: a + b, [1], 0, 5)
show(reduce, lambda a, b: a + b, [1], initial=0)
show(reduce, lambda a, b: a / b, [1, 0])
print(reduce, reduce(lambda a, b: a + b, (x * x for x in range(5))), reduce(lambda a, b: a + b, {"k": 1}))

# lru_cache on methods, typed caches, cache_parameters, unhashable arguments.
from functools import lru_cache, wraps, partial


class Grid:
    def __init__(self, n):
        self.n = n

    @lru_cache(maxsize=None)
    def paths(self, r, c):
        if r == 0 or c == 0:
            return 1
        return self.paths(r - 1, c) + self.paths(r, c - 1)


g = Grid(3)
print(g.paths(10, 10), Grid.paths.cache_info())
try:
    print(g.paths.cache_info())
except AttributeError as e:
    print("AttributeError", e)


@lru_cache(maxsize=3, typed=True)
def f(x):
    return x * 2


print(f(1), f(1.0), f(True), f.cache_info(), f.cache_parameters())
print(f.__name__, f.__wrapped__(4))
try:
    f([1])
except TypeError as e:
    print("TypeError:", e)
