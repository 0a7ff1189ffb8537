# tests: set add discard remove, len, in, dedup, sets of small ints printed
s = {3, 1, 2}
s.add(4)
s.add(2)
print(s, len(s))
s.discard(10)
s.discard(1)
print(s, 3 in s, 1 in s, 1 not in s)
s.remove(4)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(set([1, 2, 2, 3, 3, 3]), set(), len(set()), set(range(5)))
print({1, 1.0, True}, len({0, False, 0.0}))
words = {"pear", "apple", "fig", "apple"}
print(sorted(words), len(words))
s.clear()
print(s)
