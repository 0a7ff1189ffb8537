# Differential fuzzing driven by the (identical) seeded random stream.
import random
import heapq
import bisect
import itertools
from collections import Counter, deque, OrderedDict
from functools import reduce
import operator

random.seed(314159)
checksum = 0
for trial in range(300):
    n = random.randint(0, 12)
    data = [random.randint(-5, 5) for _ in range(n)]
    other = [random.choice("abc") for _ in range(random.randrange(5))]
    h = list(data)
    heapq.heapify(h)
    popped = [heapq.heappop(h) for _ in range(len(h))]
    assert popped == sorted(data)
    k = random.randrange(0, 5)
    key = random.choice([None, abs, operator.neg])
    out = [
        heapq.nlargest(k, data, key=key),
        heapq.nsmallest(k, data, key=key),
        list(heapq.merge(sorted(data), sorted(data[:3]), key=key if key is None else None)),
        list(heapq.merge(sorted(data, reverse=True), sorted(data[1:], reverse=True), reverse=True)),
    ]
    s = sorted(data)
    x = random.randint(-6, 6)
    out.append((bisect.bisect_left(s, x), bisect.bisect_right(s, x),
                bisect.bisect_left(s, x, 1 if s else 0), bisect.bisect_right(s, x, 0, len(s) // 2)))
    r = random.randint(0, 3)
    out.append(list(itertools.combinations(data[:5], r))[:4])
    out.append(list(itertools.permutations(other, min(r, 2)))[:4])
    out.append(list(itertools.product(other, repeat=min(r, 2)))[:4])
    out.append(list(itertools.islice(data, random.randint(0, 3), random.choice([None, 5, 8]), random.randint(1, 3))))
    out.append([(k2, len(list(g))) for k2, g in itertools.groupby(sorted(data), key=lambda v: v // 2)])
    out.append(list(itertools.accumulate(data, operator.sub)) if data else [])
    out.append(list(itertools.zip_longest(data[:3], other, fillvalue=0)))
    c = Counter(data)
    out.append((c.most_common(2), sorted((c - Counter(other)).items()), (c & Counter(data[:4])).total()))
    d = deque(data, maxlen=random.choice([None, 3, 6]))
    d.rotate(random.randint(-4, 4))
    if d:
        d.appendleft(d.pop())
    out.append(repr(d))
    od = OrderedDict.fromkeys(other)
    if other:
        od.move_to_end(other[0], last=random.random() < 0.5)
    out.append(list(od))
    out.append(reduce(operator.add, data, 0))
    shuffled = list(data)
    random.shuffle(shuffled)
    out.append(shuffled)
    out.append(random.sample(data, min(len(data), 3)) if data else [])
    text = repr(out)
    checksum = (checksum * 31 + sum(map(ord, text))) % 1000000007
    if trial % 60 == 0:
        print(trial, text[:150])
print("checksum", checksum)
