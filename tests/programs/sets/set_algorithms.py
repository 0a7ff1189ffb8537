# tests: sets in ordinary algorithms: graph reachability, connected components, set algebra with methods and operators, frozenset keys, in-place updates, comprehension dedup, subset relations
edges = [(1, 2), (2, 3), (4, 5), (6, 6), (3, 1), (7, 8), (8, 9), (9, 7), (5, 10)]
graph = {}
for a, b in edges:
    graph.setdefault(a, set()).add(b)
    graph.setdefault(b, set()).add(a)

def component(start):
    seen = {start}
    frontier = [start]
    while frontier:
        node = frontier.pop()
        for nxt in graph[node] - seen:
            seen.add(nxt)
            frontier.append(nxt)
    return seen

components = []
remaining = set(graph)
while remaining:
    comp = component(min(remaining))
    components.append(sorted(comp))
    remaining -= comp
print(components)

a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(range(3)), a.difference({1}, {2}), a.symmetric_difference("x") == a | {"x"})
print(a.issubset(range(10)), {3, 4} <= a, {3, 4} < {3, 4}, a.issuperset([1, 2]), a.isdisjoint({7, 8}))
c = set(a)
c.update([10, 11], {12})
c.intersection_update(range(5, 20))
print(sorted(c))
c.difference_update({10})
c.symmetric_difference_update({11, 99})
print(sorted(c))
c.discard(1000)
try:
    c.remove(1000)
except KeyError as e:
    print("KeyError:", e)
print(c.pop() in {12, 99}, len(c))
seen_pairs = {frozenset((x, y)) for x, y in [(1, 2), (2, 1), (3, 4)]}
print(len(seen_pairs), frozenset({1, 2}) in seen_pairs)
by_letters = {}
for w in ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]:
    by_letters.setdefault(frozenset(w), []).append(w)
print(sorted(sorted(v) for v in by_letters.values()))
print(sorted({x % 7 for x in range(50)}), set("hello") == set("olleh"), len(set()))
print(frozenset([3, 1]) | {2}, type(frozenset() | set()).__name__, type(set() | frozenset()).__name__)
primes = set(range(2, 50))
for p in range(2, 8):
    primes -= set(range(p * p, 50, p))
print(sorted(primes))
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print("RuntimeError:", e)
