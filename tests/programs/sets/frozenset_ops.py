# tests: frozenset construction, operations return frozenset, hashable in dicts/sets
f = frozenset([3, 1, 2])
g = frozenset({2, 3, 4})
print(sorted(f | g), sorted(f & g), type(f | g).__name__, type({1} | f).__name__)
print(len(f), 2 in f, f < frozenset(range(5)))
d = {f: "first", g: "second"}
print(d[frozenset([1, 2, 3])])
print(len({f, frozenset([1, 2, 3]), g}))
print(hash(frozenset()) == hash(frozenset()), frozenset() == set())
