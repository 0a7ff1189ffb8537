# tests: FOR_ITER over ranges warmed on small ranges then hitting negative steps, empty ranges, bigint bounds beyond 2**63, and resumed iterators
def total(r):
    t = 0
    c = 0
    for v in r:
        t += v
        c += 1
    return c, t

rs = [range(60), range(60, 0, -1), range(0), range(5, 5), range(10, 0), range(-60, 60, 7),
      range(2 ** 63 - 30, 2 ** 63 + 30), range(-(2 ** 63) + 30, -(2 ** 63) - 30, -1),
      range(2 ** 100, 2 ** 100 + 120, 2), range(0, 2 ** 64, 2 ** 58), range(60)]
for r in rs:
    print(r, total(r), len(r), r[-1] if len(r) else None)

it = iter(range(200))
part = []
for v in it:
    part.append(v)
    if v == 99:
        break
rest = 0
for v in it:
    rest += v
print(len(part), rest)
print(list(range(2 ** 63 - 2, 2 ** 63 + 2)), 2 ** 63 in range(2 ** 64), -1 in range(10))
lens = 0
for i in range(100):
    lens += len(range(i, i * 3, (i % 4) + 1))
print(lens, range(0, 10, 3)[1:], range(10)[::-2], reversed(range(3)) is not None)
