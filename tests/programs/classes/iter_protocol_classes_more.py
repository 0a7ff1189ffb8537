# tests: classes implementing both iteration and container protocols together: a range-like class with __iter__/__reversed__/__len__/__getitem__/__contains__, a lazily filtered view, and a class whose __iter__ is a generator method
class Span:
    def __init__(self, start, stop, step=1):
        if step == 0:
            raise ValueError("step must not be zero")
        self.start, self.stop, self.step = start, stop, step
    def __len__(self):
        return max(0, (self.stop - self.start + self.step - (1 if self.step > 0 else -1)) // self.step)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("Span index out of range")
        return self.start + i * self.step
    def __iter__(self):
        v = self.start
        while (self.step > 0 and v < self.stop) or (self.step < 0 and v > self.stop):
            yield v
            v += self.step
    def __reversed__(self):
        for i in range(len(self) - 1, -1, -1):
            yield self[i]
    def __contains__(self, x):
        return any(x == v for v in self)
    def __repr__(self):
        return f"Span({self.start}, {self.stop}, {self.step})"

for s in [Span(0, 10), Span(0, 10, 3), Span(10, 0, -2), Span(5, 5)]:
    print(s, len(s), list(s), list(reversed(s)), 6 in s, s[1:3] if len(s) > 2 else s[:])
s = Span(1, 20, 4)
print(s[0], s[-1], s[::2], sum(s), max(s), sorted(s, reverse=True), list(enumerate(s))[:2])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    Span(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)

class Where:
    def __init__(self, source, pred):
        self.source, self.pred = source, pred
    def __iter__(self):
        return (x for x in self.source if self.pred(x))
    def __len__(self):
        return sum(1 for _ in self)
evens = Where(range(20), lambda x: x % 2 == 0)
print(list(evens), len(evens), 4 in evens, 5 in evens, list(Where(evens, lambda x: x > 10)))
print(list(zip(Span(0, 3), Where("abcdef", str.isalpha))), dict(zip(Span(1, 4), "xyz")))
