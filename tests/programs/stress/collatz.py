# tests: collatz lengths for 1..3000 with while loops and dict cache
cache = {1: 1}
best, best_n = 0, 0
for start in range(1, 3000):
    n = start
    steps = 0
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    base = cache[n]
    for i, v in enumerate(path):
        cache[v] = base + steps - i
    if cache[start] > best:
        best, best_n = cache[start], start
print(best_n, best, len(cache))
