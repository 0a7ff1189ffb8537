# tests: break/continue only affect innermost loop; flag patterns to break outer loops
found = None
for i in range(1, 10):
    for j in range(1, 10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print(found)
out = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        out.append((i, j))
print(out)
total = 0
i = 0
while i < 100:
    i += 1
    if i % 7 == 0:
        continue
    if i > 50:
        break
    total += i
print(total, i)
