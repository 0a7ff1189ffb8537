# Objects with keys() and __getitem__ are mappings for dict(), dict.update, {**x}, f(**x).
from collections import defaultdict, Counter, OrderedDict


class Mapping:
    def __init__(self, data):
        self.data = data

    def keys(self):
        return list(self.data)

    def __getitem__(self, key):
        return self.data[key] * 10


def f(**kwargs):
    return sorted(kwargs.items())


m = Mapping({"a": 1, "b": 2})
print(dict(m), {**m}, {**m, "c": 3}, f(**m))
d = {"z": 0}
d.update(m)
print(d)
dd = defaultdict(int, a=1)
dd["b"] += 2
c = Counter("hello")
print(dict(dd), dict(c), {**c}, f(**OrderedDict(x=1, y=2)))
merged = {}
merged.update(c)
merged.update(dd)
print(merged)
print(max(c, key=c.get), sorted(c, key=c.get, reverse=True)[:2])


class NotMapping:
    pass


for bad in [lambda: {**NotMapping()}, lambda: f(**NotMapping()), lambda: dict(NotMapping())]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# Errors name the callee as CPython does.
def f2(**k): pass
class C:
    def m(self, **k): pass
for g in [lambda: f2(**{'a':1}, **{'a':2}), lambda: f2(**1), lambda: C().m(**1), lambda: print(**1), lambda: len(**1), lambda: (lambda **k: 0)(**1), lambda: f2(1, *[2], **{'a': 1}, **[]), lambda: f2(a=1, **{'a': 2})]:
    try: g()
    except TypeError as e: print(e)
