# tests: iter/next manual iteration, next with default, StopIteration, iterator exhaustion
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration caught")
s = iter("ab")
print(list(s), list(s))
r = iter(range(3))
for x in r:
    print("for", x)
    if x == 0:
        print("skipped", next(r))
d = iter({"k1": 1, "k2": 2})
print(next(d), next(d))
z = zip([1, 2], [3, 4])
print(next(z), list(z))
e = enumerate("xyz", start=5)
print(next(e), list(e))
m = map(str, [1, 2])
print(next(m), next(m), next(m, "end"))
