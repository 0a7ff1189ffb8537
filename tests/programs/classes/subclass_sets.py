# tests: subclassing set and frozenset: methods, operators, repr with the class name, hashing, __init__ via super()
class Tags(set):
    def add_all(self, *items):
        for item in items:
            self.add(item)
        return self
t = Tags(["b", "a"])
t.add_all("c", "a")
print(sorted(t), len(t), "a" in t, isinstance(t, set), type(t).__name__, repr(Tags()), repr(Tags([1])))
print(sorted(t | {"z"}), type(t | {"z"}).__name__, sorted(t & {"a", "q"}), sorted(t - {"a"}), t == {"a", "b", "c"}, {"a", "b", "c"} == t)
t |= {"d"}; print(type(t).__name__, len(t))
t.discard("d"); t.remove("c"); print(sorted(t), t.issubset({"a", "b", "x"}), sorted(t.union(["y"])))
try:
    hash(t)
except TypeError as e:
    print("TypeError:", e)
class Frozen(frozenset):
    pass
f = Frozen([3, 1, 2])
print(f, repr(Frozen()), len(f), 2 in f, hash(f) == hash(frozenset([1, 2, 3])), {f: "x"}[frozenset({1, 2, 3})], isinstance(f, frozenset))
print(sorted(f | {9}), type(f | {9}).__name__, f == {1, 2, 3})
class Counted(set):
    def __init__(self, items=()):
        super().__init__(items)
        self.count = len(self)
c = Counted([3, 1, 2, 3])
print(sorted(c), c.count, c)
for x in Tags([5]):
    print("iter", x)
match Frozen([1]):
    case frozenset():
        print("frozenset pattern")
