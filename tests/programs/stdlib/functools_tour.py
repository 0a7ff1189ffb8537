# tests: functools: reduce, partial, lru_cache stats, cache, cmp_to_key, total_ordering, wraps
import functools

print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], "init"))
print(functools.reduce(max, [3, 9, 2]), functools.reduce(lambda acc, w: acc + len(w), ["ab", "cde"], 0))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)

def power(base, exp, mod=None):
    return pow(base, exp, mod) if mod else base ** exp
square = functools.partial(power, exp=2)
cube_mod = functools.partial(power, exp=3, mod=7)
two_to = functools.partial(power, 2)
print(square(9), cube_mod(4), two_to(10), square.func is power, square.keywords, two_to.args)
print(functools.partial(sorted, key=len)(["ccc", "a", "bb"]))

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@functools.lru_cache(maxsize=2)
def ident(x):
    print("computing", x)
    return x
ident(1); ident(2); ident(1); ident(3); ident(2)
print(ident.cache_info())

@functools.cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)
print(ways(30))

def compare_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date", "banana"]
print(sorted(words, key=functools.cmp_to_key(compare_len_then_alpha)))
print(sorted([5, 1, 4], key=functools.cmp_to_key(lambda a, b: b - a)))

@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]
print(sorted(vs), max(vs), Version("1.2") <= Version("1.2"), Version("2.0") >= Version("1.9"), Version("1.0") > Version("1.0"))

def logged(fn):
    @functools.wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@logged
def documented(x):
    "Documented function."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
