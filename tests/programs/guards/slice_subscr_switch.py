# tests: slicing sites (x[a:b], x[::step]) over list/tuple/str/range switching mid-loop, with negative and bigint bounds and steps
seqs = [list(range(30)), tuple(range(30, 60)), "abcdefghijklmnopqrstuvwxyz0123", range(100, 130)]
for si, s in enumerate(seqs):
    acc = 0
    last = None
    for i in range(60):
        lo = (i % 11) - 5
        hi = (i % 17) - 3
        st = [1, 2, -1, -3, 5][i % 5]
        part = s[lo:hi:st]
        last = part
        acc += len(part) + sum([v if isinstance(v, int) else ord(v) for v in part])
    print(si, type(last).__name__, acc, list(last)[:3])
for s in seqs:
    print(list(s[-2 ** 64:2 ** 64:2 ** 63])[:2], list(s[::-2 ** 70]), len(s[2 ** 65:]))
try:
    seqs[0][::0]
except ValueError:
    print("zero step ValueError")
x = list(range(10))
for i in range(80):
    x[1:3] = x[1:3][::-1] if i % 2 else [i, i]
print(x)
