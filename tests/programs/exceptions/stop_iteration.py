# tests: StopIteration from next() on exhausted iterators, caught explicitly and via Exception
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, repr(e))
try:
    next(iter({}))
except Exception as e:
    print(type(e).__name__)
z = zip([], [])
print(next(z, "default from zip"))
