# tests: iterator classes with __iter__/__next__, StopIteration ending loops, iterators consumed by builtins, re-iteration behaviour
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
c = Countdown(3)
print(next(c), list(c), list(c), next(c, "done"))

class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return FibIter(self.limit)

class FibIter:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration()
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value

f = Fib(100)
print(list(f), sum(f), max(f), sorted(f, reverse=True)[:3])
print(list(zip(Fib(10), Countdown(4))), dict(enumerate(Fib(5))))
print(any(x > 50 for x in Fib(100)), all(x < 200 for x in Fib(100)))
print(list(map(lambda x: x * 2, Fib(20))), list(filter(None, Fib(3))))
print(set(Fib(8)), tuple(Fib(8)), "-".join(str(x) for x in Fib(8)))
x, y, z = Countdown(3)
print(x, y, z)

class Cycle:
    def __init__(self, items, times):
        self.items, self.times = items, times
    def __iter__(self):
        for _ in range(self.times):
            yield from self.items

print(list(Cycle("ab", 3)), [c.upper() for c in Cycle(["x"], 2)])

class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)

class NoNext:
    def __iter__(self):
        return self
try:
    for _ in NoNext():
        pass
except TypeError as e:
    print("TypeError:", e)

class Failing:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n == 3:
            raise ValueError("boom at 3")
        return self.n
try:
    for v in Failing():
        print("got", v)
except ValueError as e:
    print("ValueError:", e)

it = iter([1, 2, 3])
print(iter(it) is it, next(it), list(it), next(it, None))
sentinel_iter = iter(Countdown(10).__next__, 7)
print(list(sentinel_iter))
