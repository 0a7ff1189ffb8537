# tests: iter() and next() with default; StopIteration value; iter over dict/str/range
it = iter([10, 20])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)
it2 = iter("xy")
print(next(it2), next(it2), next(it2, None))
r = iter(range(2))
print(list(r), next(r, "exhausted"))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
