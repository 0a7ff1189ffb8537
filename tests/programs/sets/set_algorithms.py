# tests: sieve with sets, graph reachability, set of tuples
limit = 50
composite = set()
for i in range(2, limit + 1):
    for j in range(i * i, limit + 1, i):
        composite.add(j)
primes = [n for n in range(2, limit + 1) if n not in composite]
print(primes)
edges = {0: [1, 2], 1: [3], 2: [3], 3: [4], 4: [], 5: [0]}
seen = {0}
frontier = [0]
while frontier:
    n = frontier.pop()
    for m in edges[n]:
        if m not in seen:
            seen.add(m)
            frontier.append(m)
print(sorted(seen), 5 in seen)
pts = {(x, y) for x in range(3) for y in range(3) if x != y}
print(sorted(pts), len(pts))
