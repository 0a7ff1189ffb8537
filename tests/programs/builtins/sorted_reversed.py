# tests: sorted (key, reverse) over many iterables, reversed over sequences and errors
print(sorted([3, 1, 2]), sorted("cab"), sorted((2, 1)), sorted({"b": 1, "a": 2}), sorted(range(3), reverse=True))
print(sorted([-3, 2, -1], key=abs), sorted(["B", "a", "C"], key=str.lower, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
print(list(reversed({"x": 1, "y": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, None])
except TypeError as e:
    print("TypeError:", e)
