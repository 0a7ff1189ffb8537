# tests: union intersection difference symmetric_difference and | & - ^ operators
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8], (9,)), a.intersection(range(3)), a.difference([1], [2]))
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
print(sorted(c))
c -= {1}
c ^= {2, 20}
print(sorted(c))
print(sorted({"x", "y"} | {"z"}), sorted({"a", "b", "c"} - {"b"}))
