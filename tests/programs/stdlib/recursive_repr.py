# Self-referencing containers through Python __repr__: [...] / {...} / ... where CPython shows them.
from collections import deque, defaultdict, OrderedDict
d = deque([1])
d.append(d)
print(repr(d))
dd = defaultdict(None)
dd['self'] = dd
print(repr(dd))
od = OrderedDict(a=1)
od['me'] = od
print(repr(od))
l = [1]
d2 = deque([l])
l.append(d2)
print(d2, l)
from collections import namedtuple
P = namedtuple("P", "x y")
p = P([], 1)
p.x.append(p)
print(p)


class Box:
    def __init__(self):
        self.items = []

    def __repr__(self):
        return f"Box({self.items!r})"


b = Box()
b.items.append(b)
outer = [b]
b.items.append(outer)
print(outer)
cyc = {}
cyc["k"] = [cyc, deque([cyc])]
print(cyc)
