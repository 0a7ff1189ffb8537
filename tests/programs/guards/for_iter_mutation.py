# tests: FOR_ITER over a list appended to / popped during iteration (bounded), dict and set mutated during iteration (RuntimeError caught)
xs = list(range(60))
seen = 0
for x in xs:
    seen += 1
    if x % 3 == 0 and len(xs) < 150:
        xs.append(x + 1000)
print(seen, len(xs), xs[-3:])

ys = list(range(100))
visited = []
for y in ys:
    visited.append(y)
    if y % 2 == 0 and ys:
        ys.pop()
print(len(visited), visited[-3:], len(ys))

zs = list(range(80))
count = 0
for z in zs:
    count += 1
    if count == 70:
        zs.clear()
print("cleared at", count)

d = {i: i for i in range(100)}
iters = 0
try:
    for k in d:
        iters += 1
        if k == 75:
            d[1000] = 0
except RuntimeError as e:
    print("dict RuntimeError after", iters)
iters = 0
for k in d:
    iters += 1
    if k == 60:
        d[k] = "rebound value ok"
print("value rebind ok", iters, d[60])
s = set(range(100))
n = 0
try:
    for v in s:
        n += 1
        if n == 70:
            s.add(-1)
except RuntimeError:
    print("set RuntimeError after", n)
