# Enough allocation to run the collector many times while stdlib objects are live.
import random
import heapq
from collections import deque, Counter, defaultdict, namedtuple, OrderedDict
from itertools import islice, count, permutations, product
from functools import lru_cache, partial

random.seed(7)
R = random.Random(99)
Item = namedtuple("Item", "key payload")
q = deque(maxlen=5000)
heap = []
counts = Counter()
groups = defaultdict(list)
od = OrderedDict()
for i in range(60000):
    payload = [i, str(i), (i, i + 1)]
    item = Item(R.randint(0, 999), payload)
    q.append(item)
    heapq.heappush(heap, (item.key, i))
    if len(heap) > 1000:
        heapq.heappop(heap)
    counts[item.key % 17] += 1
    if i % 50 == 0:
        groups[item.key % 7].append(payload)
        od[i % 300] = payload
        od.move_to_end(i % 300, last=False)
print(len(q), q[0].key, q[-1].payload[1], heap[0], counts.most_common(3))
print({k: len(v) for k, v in sorted(groups.items())}, list(od)[:5])
gen = islice(product("ab", repeat=12), 3000, None)
print(sum(1 for _ in gen), random.random(), R.random())
big = [random.getrandbits(100) for _ in range(20000)]
print(sum(big) % 1000003, max(big).bit_length())
