from collections import defaultdict, OrderedDict, Counter


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


words = "the quick brown fox jumps over the lazy dog the end".split()
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(counts["the"], counts["missing"], len(counts), "missing" in counts)
print(sorted(counts.items())[:3])
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(groups[3], sorted(groups), dict(groups.items())[5])
print(repr(defaultdict(list)), repr(defaultdict(None, {1: 2})), defaultdict(int, a=1))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], list(nested))
dd = defaultdict(set)
dd["k"].add(1)
print(dd, dd.get("zz"), dd.default_factory)
for k, v in defaultdict(int, {"b": 2, "a": 1}).items():
    print(k, v)
show(defaultdict, 5)
show(defaultdict(None).__getitem__, "x")

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.keys()), list(od.values()))
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od, od.popitem(), od.popitem(last=False), od)
print(repr(OrderedDict()), OrderedDict(x=1), OrderedDict([("a", 1), ("b", 2)]) == OrderedDict([("b", 2), ("a", 1)]))
print(OrderedDict(a=1) == {"a": 1})
show(OrderedDict(a=1).move_to_end, "z")
o2 = OrderedDict(a=1)
o2.popitem()
show(o2.popitem)

c = Counter("abracadabra")
print(c, c["a"], c["z"], len(c))
print(c.most_common(2), c.most_common()[-1], sorted(c.elements())[:6])
c.update("aaz")
c.subtract({"b": 5})
print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(repr(Counter()), Counter([1, 1, 2]).total(), Counter({"x": 2}) == Counter(x=2))
del c["z"]
print("z" in c, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
inventory = Counter(apple=3, pear=0)
inventory["apple"] -= 1
print(inventory, sum(inventory.values()), list(inventory))
show(Counter, 5)
