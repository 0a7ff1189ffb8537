# tests: generator expressions: laziness, early binding of the first iterable, exhaustion, use in builtins, nested genexps
calls = []
def source(n):
    calls.append(f"source({n})")
    for i in range(n):
        calls.append(f"yield {i}")
        yield i

g = (x * 10 for x in source(3))
print(calls)
print(next(g), calls)
print(list(g), list(g))

items = [1, 2, 3]
g = (x + 1 for x in items)
items = [100]
print(list(g))

def make():
    n = 10
    g = (x + n for x in range(3))
    n = 20
    return list(g)
print(make())

try:
    g = (1 / x for x in [1, 0, 2])
    print(next(g))
    print(next(g))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)

print(sum(x * x for x in range(10)), max(len(w) for w in "a bb ccc".split()))
print(sorted((c for c in "hello"), reverse=True), "".join(c.upper() for c in "abc"))
print(any(x > 3 for x in [1, 5]), all(x for x in []), min((y for y in [4, 2, 8]), default=0))
print(dict((k, v) for k, v in zip("xyz", range(3))), set(x % 3 for x in range(10)))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
nested = ((i, (j for j in range(i))) for i in range(3))
print([(i, list(js)) for i, js in nested])
g = (x for x in range(3))
print(type(g).__name__, iter(g) is g, g.__name__ if hasattr(g, "__name__") else "-")
print(list(zip((i for i in range(5)), "ab")))
gen = (i for i in range(5))
for v in gen:
    if v == 2:
        break
print(list(gen))
print(tuple(x for x in range(4) if x % 2), list(x if x else "zero" for x in range(3)))
