# tests: a list mutated while iterating: append extends iteration, remove skips elements, clear stops it
xs = [1, 2, 3]
for x in xs:
    if x < 6:
        xs.append(x + 3)
print(xs)
ys = [1, 2, 3, 4, 5, 6]
visited = []
for y in ys:
    visited.append(y)
    if y % 2 == 1:
        ys.remove(y)
print(visited, ys)
zs = [1, 2, 3, 4]
count = 0
for z in zs:
    count += 1
    if z == 2:
        zs.clear()
print(count, zs)
ws = [0, 1, 2]
for i, w in enumerate(ws):
    ws[i] = w * 10
    if i == 0:
        ws.insert(0, -1)
        if len(ws) > 8:
            break
print(ws[:6], len(ws))
