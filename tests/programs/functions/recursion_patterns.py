# tests: recursion patterns: mutual recursion, accumulator recursion, recursion with default-argument memo, generators recursing, deep recursion limits caught as RecursionError
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([is_even(n) for n in range(6)], is_odd(101))

def sum_digits(n, acc=0):
    return acc if n == 0 else sum_digits(n // 10, acc + n % 10)
print(sum_digits(987654321), sum_digits(0))

def fib(n, _memo={0: 0, 1: 1}):
    if n not in _memo:
        _memo[n] = fib(n - 1) + fib(n - 2)
    return _memo[n]
print(fib(100), len(fib.__defaults__[0]))

def power_set(s):
    if not s:
        yield ()
        return
    for rest in power_set(s[1:]):
        yield rest
        yield (s[0],) + rest
print(sorted(power_set((1, 2, 3))), sum(1 for _ in power_set(tuple(range(10)))))

def binary_search(xs, target, lo=0, hi=None):
    if hi is None:
        hi = len(xs)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    if xs[mid] < target:
        return binary_search(xs, target, mid + 1, hi)
    return binary_search(xs, target, lo, mid)
xs = list(range(0, 100, 3))
print([binary_search(xs, t) for t in (0, 3, 50, 51, 99, -1)])

def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("RecursionError:", e)

def count_paths(r, c, blocked, memo=None):
    if memo is None:
        memo = {}
    if (r, c) in blocked or r < 0 or c < 0:
        return 0
    if r == 0 and c == 0:
        return 1
    if (r, c) not in memo:
        memo[(r, c)] = count_paths(r - 1, c, blocked, memo) + count_paths(r, c - 1, blocked, memo)
    return memo[(r, c)]
print(count_paths(10, 10, set()), count_paths(10, 10, {(5, 5), (3, 7)}))

def flatten_dict(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            out.update(flatten_dict(v, key))
        else:
            out[key] = v
    return out
print(flatten_dict({"a": 1, "b": {"c": 2, "d": {"e": 3}}, "f": {}}))

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))

def tree_sum(t):
    return t if isinstance(t, int) else sum(tree_sum(x) for x in t)
print(tree_sum([1, [2, 3, [4, [5]]], 6]))
