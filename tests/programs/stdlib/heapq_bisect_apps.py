# tests: heapq and bisect in applications: k smallest, merge of sorted streams, a priority queue with tie-breaking, Dijkstra, grade lookup, insort, sorted-list intervals
import heapq
import bisect

nums = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heap = nums[:]
heapq.heapify(heap)
print(heap[0], [heapq.heappop(heap) for _ in range(4)], len(heap))
heapq.heappush(heap, -1)
print(heapq.heappushpop(heap, 10), heapq.heapreplace(heap, 3), sorted(heap))
print(heapq.nsmallest(3, nums), heapq.nlargest(3, nums), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 9])), list(heapq.merge(["a", "cc"], ["bbb"], key=len)))

class Task:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
pq = []
counter = 0
for prio, name in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee"), (2, "review")]:
    heapq.heappush(pq, (prio, counter, Task(name)))
    counter += 1
print([heapq.heappop(pq)[2] for _ in range(len(pq))])

def dijkstra(graph, source):
    dist = {source: 0}
    done = set()
    frontier = [(0, source)]
    while frontier:
        d, node = heapq.heappop(frontier)
        if node in done:
            continue
        done.add(node)
        for nxt, w in graph.get(node, []):
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(frontier, (nd, nxt))
    return dict(sorted(dist.items()))
g = {"a": [("b", 7), ("c", 9), ("f", 14)], "b": [("c", 10), ("d", 15)], "c": [("d", 11), ("f", 2)],
     "d": [("e", 6)], "f": [("e", 9)]}
print(dijkstra(g, "a"))

def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60]])

sorted_list = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(sorted_list, v)
print(sorted_list, bisect.bisect_left(sorted_list, 5), bisect.bisect_right(sorted_list, 5), bisect.bisect_left(sorted_list, 100))
print(bisect.bisect_left(sorted_list, 4, 2, 5), bisect.insort_left(sorted_list, 3) or sorted_list)
people = sorted([("ann", 31), ("bob", 25), ("cy", 40)], key=lambda p: p[1])
ages = [p[1] for p in people]
print(people[bisect.bisect_left(ages, 30)], bisect.bisect(people, ("bob", 99), key=lambda p: p) if False else "skip")
print(bisect.bisect_left([(1, "a"), (3, "c")], (2, "")), bisect.bisect_right(range(0, 100, 10), 35))

def count_in_range(sorted_vals, lo, hi):
    return bisect.bisect_right(sorted_vals, hi) - bisect.bisect_left(sorted_vals, lo)
data = sorted([12, 45, 2, 41, 45, 3, 18, 33, 40, 45])
print(count_in_range(data, 10, 40), count_in_range(data, 45, 45), count_in_range(data, 100, 200))

def running_median(stream):
    low, high = [], []
    out = []
    for x in stream:
        if not low or x <= -low[0]:
            heapq.heappush(low, -x)
        else:
            heapq.heappush(high, x)
        if len(low) > len(high) + 1:
            heapq.heappush(high, -heapq.heappop(low))
        elif len(high) > len(low):
            heapq.heappush(low, -heapq.heappop(high))
        out.append(-low[0] if len(low) > len(high) else (-low[0] + high[0]) / 2)
    return out
print(running_median([5, 15, 1, 3, 8, 7, 9, 10, 20, 2]))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
try:
    heapq.heappush([1, "a"], 2) or heapq.heapify([1, "x", 2])
except TypeError as e:
    print("TypeError:", e)
