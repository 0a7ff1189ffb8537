# tests: <= subset, < proper subset, >= superset, isdisjoint, equality
a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, b <= b, b < b, b >= a, b > a, a >= b)
print(a.issubset(b), b.issuperset(a), a.isdisjoint({3, 4}), a.isdisjoint({2}))
print({1, 2} == {2, 1}, {1} != {1, 2}, set() <= a, set() == set())
print(frozenset([1, 2]) == {1, 2}, {frozenset([1]): "fs"}[frozenset([1])])
