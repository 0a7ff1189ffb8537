# tests: the same FOR_ITER loop body iterating different iterable types on different outer iterations (range, list, tuple, str, dict, items, enumerate, zip, reversed)
d = {"a": 1, "b": 2, "c": 3}
def iterables(n):
    return [range(n), list(range(n)), tuple(range(n)), "x" * n, d, d.items(),
            enumerate("pq" * n), zip(range(n), "ab" * n), reversed(range(n)),
            reversed([1, 2, 3] * n), d.values(), d.keys(), range(n, 0, -2), [], "",
            sorted({5, 3, 1, n}), list(range(2 ** 63, 2 ** 63 + n))]

def consume(it):
    total = 0
    count = 0
    for v in it:
        count += 1
        if isinstance(v, tuple):
            v = v[0]
        if isinstance(v, str):
            v = ord(v[0])
        total += v
    return count, total

for rep in range(4):
    out = []
    for it in iterables(60 + rep):
        out.append(consume(it))
    print(rep, out)

grid = 0
for i in range(60):
    for j in (range(i % 5) if i % 2 else [i, -i]):
        for ch in str(j):
            grid += 1 if ch != "-" else 100
print(grid)
