# tests: builtin calls (len, abs, min, max, sum, isinstance, sorted, int, float) at hot sites whose argument types change phase by phase
phases = [lambda i: [i, 1, 2], lambda i: (i * 0.5, -1.5), lambda i: "x" * (i % 5 + 1),
          lambda i: {i: 1, -1: 2}, lambda i: range(i % 6 + 1), lambda i: [2 ** 64, -i, True],
          lambda i: (i % 2 == 0, i % 3 == 0), lambda i: [i]]
for ph, mk in enumerate(phases):
    tot = 0
    for i in range(60):
        v = mk(i)
        tot += len(v)
        try:
            tot += sum(v) if not isinstance(v, str) else 0
        except TypeError:
            tot += 1
        tot += max(v) if isinstance(max(v), (int, float)) else len(max(v))
        tot += abs(min(v)) if not isinstance(v, str) else ord(min(v))
        if isinstance(v, (list, tuple)):
            tot += len(sorted(v))
    print(ph, tot)
out = []
for i in range(150):
    v = [i, -i * 1.5, str(i), 2 ** 70 - i, True][i // 30]
    out.append((int(v), float(v), abs(int(v)), isinstance(v, int)))
print(out[0], out[30], out[60], out[90], out[120])
