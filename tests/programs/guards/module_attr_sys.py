# tests: module attribute loads (sys.maxsize etc.) in hot loops, bigint arithmetic on them, module attributes added/removed midway, module name rebound
import sys
acc = 0
for i in range(200):
    acc += sys.maxsize - i
print(acc, acc > sys.maxsize, sys.maxsize + 1 == 2 ** 63)
big = 0
for i in range(100):
    big = sys.maxsize + i + 1
    v = big * 2 - sys.maxsize
print(big, v, -sys.maxsize - 1 == -(2 ** 63))

seen = []
for i in range(240):
    if i == 80:
        sys.cpjit_guard_attr = 5
    if i == 160:
        del sys.cpjit_guard_attr
    try:
        seen.append(sys.cpjit_guard_attr)
    except AttributeError:
        seen.append(None)
print(seen[79], seen[80], seen[159], seen[160], seen.count(5))

mod = sys
found = []
for i in range(150):
    if i == 100:
        mod = {"maxsize": 1}
    try:
        found.append(mod.maxsize > 0)
    except AttributeError:
        found.append("AE")
print(found[99], found[100], found.count(True), sys.version_info[0], sys.version_info >= (3, 13))
