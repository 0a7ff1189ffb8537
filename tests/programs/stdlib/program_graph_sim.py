# A small "real program": a seeded random graph, Dijkstra (heapq), BFS (deque),
# degree statistics (Counter, defaultdict), edges as namedtuples, itertools helpers.
import random
import heapq
from collections import deque, defaultdict, Counter, namedtuple
from itertools import combinations, islice, count, accumulate
from functools import lru_cache, reduce
from operator import attrgetter, itemgetter
import bisect
import string

Edge = namedtuple("Edge", "src dst weight")
random.seed(20240601)
nodes = list(range(60))
edges = []
for a, b in combinations(nodes, 2):
    if random.random() < 0.08:
        edges.append(Edge(a, b, random.randint(1, 20)))
print(len(edges), edges[:3])

graph = defaultdict(list)
for e in edges:
    graph[e.src].append((e.dst, e.weight))
    graph[e.dst].append((e.src, e.weight))

degrees = Counter({n: len(graph[n]) for n in nodes})
print(degrees.most_common(5))
print(sorted(Counter(degrees.values()).items()))


def dijkstra(start):
    dist = {start: 0}
    heap = [(0, start)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, 1 << 60):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, 1 << 60):
                dist[nxt] = nd
                heapq.heappush(heap, (nd, nxt))
    return dist


dist = dijkstra(0)
print(len(dist), sorted(dist.items(), key=itemgetter(1))[-3:])


def bfs_levels(start):
    level = {start: 0}
    q = deque([start])
    while q:
        node = q.popleft()
        for nxt, _ in graph[node]:
            if nxt not in level:
                level[nxt] = level[node] + 1
                q.append(nxt)
    return level


levels = bfs_levels(0)
print(max(levels.values()), Counter(levels.values()))
heaviest = sorted(edges, key=attrgetter("weight"), reverse=True)[:3]
print(heaviest, reduce(lambda acc, e: acc + e.weight, edges, 0))


@lru_cache(maxsize=None)
def paths(n, k):
    if k == 0:
        return 1 if n == 0 else 0
    return sum(paths(m, k - 1) for m, _ in graph[n])


print(paths(0, 4), paths.cache_info().currsize > 0)
cumulative = list(accumulate(sorted(e.weight for e in edges)))
print(cumulative[:5], bisect.bisect_left(cumulative, cumulative[-1] // 2))
names = ["".join(random.choice(string.ascii_lowercase) for _ in range(5)) for _ in range(5)]
print(names, list(islice(count(7, 7), 4)))
random.shuffle(names)
print(names, random.sample(nodes, 5), round(random.gauss(0, 1), 12))
