from collections import deque


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], list(d), 2 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft("ab")
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
print(d, d.count(7), d.index(7))
d.reverse()
print(d, list(reversed(d)))
d.remove("a")
d.insert(1, "z")
d[0] = "first"
del d[-1]
print(d, bool(d), bool(deque()))
d.clear()
print(d, repr(deque()), str(deque("xy")))

window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(window, window.maxlen)
window.appendleft(-1)
print(window)
window.extend([10, 11])
print(window, deque("abcdef", 2), deque([], maxlen=0))
z = deque([1], maxlen=0)
z.append(5)
print(z)

queue = deque()
for i in range(1000):
    queue.append(i)
total = 0
while queue:
    total += queue.popleft()
    if total % 7 == 0 and len(queue) > 10:
        queue.append(-1)
print(total)

graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: []}
seen = {1}
order = []
q = deque([1])
while q:
    node = q.popleft()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            q.append(nxt)
print(order)
print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1, 2]) < deque([1, 3]))
print(deque([1]) + deque([2]), deque([1, 2]) * 2, deque("ab").copy())
e = deque([1])
e += [2, 3]
print(e, [x * 2 for x in e], sum(deque(range(5))))

show(deque().pop)
show(deque().popleft)
show(deque().__getitem__, 0)
show(deque([1, 2]).__getitem__, 5)
show(deque([1, 2]).remove, 3)
show(deque, [], -1)
show(deque([1]).index, 5)
show(deque, 5)
show(deque([1, 2], maxlen=2).insert, 0, 5)
show(deque([1]).rotate, "a")
from collections import deque
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("RuntimeError:", e, len(d))
d = deque([1, 2, 3])
try:
    for x in reversed(d):
        d.popleft()
except RuntimeError as e:
    print("RuntimeError:", e, d)
d = deque([1, 2, 3])
for x in d:
    d[0] = x
print(d)
try:
    d.maxlen = 3
except AttributeError as e:
    print("AttributeError:", e)
it = iter(deque([1]))
print(next(it), list(it))
