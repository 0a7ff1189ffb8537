# tests: stdlib functions driven by user classes: heapq and bisect with __lt__, sorted/min/max with __lt__, functools.reduce and operator.attrgetter on instances, itertools.groupby on objects, random.shuffle and choice of objects, deque of objects
import heapq, bisect, functools, operator, itertools, random
from collections import deque

class Job:
    def __init__(self, name, priority, cost):
        self.name, self.priority, self.cost = name, priority, cost
    def __lt__(self, other):
        return (self.priority, self.name) < (other.priority, other.name)
    def __repr__(self):
        return f"{self.name}:{self.priority}"

jobs = [Job("build", 2, 5), Job("test", 3, 8), Job("lint", 1, 1), Job("deploy", 3, 2), Job("docs", 2, 3)]
heap = list(jobs)
heapq.heapify(heap)
print([heapq.heappop(heap) for _ in range(len(heap))])
ordered = []
for j in jobs:
    bisect.insort(ordered, j)
print(ordered, bisect.bisect(ordered, Job("c", 2, 0)))
print(sorted(jobs), min(jobs), max(jobs), heapq.nsmallest(2, jobs), heapq.nlargest(2, jobs, key=operator.attrgetter("cost")))
print(functools.reduce(lambda acc, j: acc + j.cost, jobs, 0), list(map(operator.attrgetter("name"), jobs)))
for prio, group in itertools.groupby(sorted(jobs), key=operator.attrgetter("priority")):
    print(prio, [j.name for j in group])
rng = random.Random(3)
shuffled = jobs[:]
rng.shuffle(shuffled)
print(shuffled, rng.choice(jobs), rng.sample(jobs, 2))
dq = deque(jobs, maxlen=4)
dq.rotate(1)
print(dq, dq[0], len(dq))
total = sum(map(operator.attrgetter("cost"), jobs))
print(total, max(jobs, key=lambda j: j.cost / j.priority), sorted(jobs, key=functools.cmp_to_key(lambda a, b: b.cost - a.cost)))
