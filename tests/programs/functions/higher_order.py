# tests: higher-order functions: functions as values, returning functions, composition, currying by closures, map/filter/sorted with lambdas and bound methods, recursion through function references
def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed

inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7), compose(str, abs, inc)(-10))

def curry(f, arity):
    def take(args):
        if len(args) == arity:
            return f(*args)
        return lambda x: take(args + (x,))
    return take(())
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3("a")("b")("c"))

def apply_n(f, n):
    def run(x):
        for _ in range(n):
            x = f(x)
        return x
    return run
print(apply_n(dbl, 10)(1), apply_n(lambda s: s + "!", 3)("hey"))

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, by=1):
        self.n += by
        return self.n
c = Counter()
bump = c.bump
print([bump() for _ in range(3)], list(map(c.bump, [10, 20])), c.n)
print(sorted(["b", "A", "c"], key=str.lower), list(map(str.upper, "ab")), list(filter(str.isdigit, "a1b2")))
print(max(["aa", "b", "ccc"], key=len), min({"x": 3, "y": 1}.items(), key=lambda kv: kv[1]))

funcs = {"square": lambda x: x * x, "neg": lambda x: -x, "half": lambda x: x / 2}
print({name: f(8) for name, f in sorted(funcs.items())})

def pipeline(value, *steps):
    for step in steps:
        value = step(value)
    return value
print(pipeline(" Hello World ", str.strip, str.lower, lambda s: s.replace(" ", "_")))

def make_multipliers():
    return [lambda x, k=k: x * k for k in range(1, 4)]
print([m(10) for m in make_multipliers()])

def fix(f):
    def g(*args):
        return f(g, *args)
    return g
factorial = fix(lambda self, n: 1 if n <= 1 else n * self(n - 1))
print(factorial(20))

def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    count.counts = counts
    return count
cnt = counter_factory()
for w in "a b a c a b".split():
    cnt(w)
print(cnt.counts, cnt.__name__, callable(cnt))
print((lambda *a, **k: (a, k))(1, 2, x=3), (lambda: None)(), (lambda x=[]: x)() == [])
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])), list(map(pow, [2, 3], [3, 2])))
