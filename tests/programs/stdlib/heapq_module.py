import heapq
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


h = []
for v in [5, 3, 8, 1, 9, 2, 7]:
    heappush(h, v)
print(h)
print([heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 0, 3, 3, 8]
heapify(data)
print(data)
print(heapreplace(data, 6), data)
print(heappushpop(data, -1), heappushpop(data, 5), data)
print(nlargest(3, [1, 8, 3, 9, 2]), nsmallest(3, [1, 8, 3, 9, 2]))
print(nlargest(2, ["bb", "a", "cccc"], key=len), nsmallest(1, [4, 2, 6]), nlargest(10, [3, 1]))
print(nsmallest(0, [1, 2]), nlargest(3, iter([5, 1, 4, 2])), nsmallest(2, [3, 1, 2], key=lambda x: -x))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
print(list(heapq.merge([7, 4, 1], [8, 2], reverse=True)), list(heapq.merge(["bb", "c"], ["a"], key=len)))
tasks = []
heappush(tasks, (2, "write"))
heappush(tasks, (1, "read"))
heappush(tasks, (3, "sleep"))
heappush(tasks, (1, "eat"))
while tasks:
    print(heappop(tasks))


def heapsort(iterable):
    h = []
    for value in iterable:
        heappush(h, value)
    return [heappop(h) for i in range(len(h))]


print(heapsort([1, 3, 5, 7, 9, 2, 4, 6, 8, 0]))
show(heappop, [])
show(heapreplace, [], 1)
show(heappushpop, [], 1)
show(heappush, (), 1)
show(heapify, ())
show(heappop, None)
show(heappushpop, (), 1)
show(heappush, [1], "a")

# The comparison sequence is CPython's: count the calls.
calls = []


class Key:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        calls.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return f"Key({self.v})"


h = [Key(v) for v in [5, 2, 8, 1, 9, 3]]
heapify(h)
print(h, len(calls))
heappush(h, Key(0))
print(heappop(h), heapreplace(h, Key(7)), heappushpop(h, Key(4)), len(calls))
print(calls[:6])
show(heappush, [1], 2, 3)
show(heappop, [], 1)
show(heapify)
show(heappush, [], item=1)
big = list(range(5000, 0, -1))
heapify(big)
print(big[:8], [heappop(big) for _ in range(5)])
show(heappop, [1], x=1)
