# tests: CONTAINS_OP ('in' / 'not in') against dict, set, list, tuple, str, range, dict views switching mid-loop, with unhashable/bad operand TypeErrors
conts = [{1: "a", 5: "b"}, {1, 5, 2 ** 64}, [1, 5, 2.5], (1, 5, None), "xy15", range(0, 20, 5),
         {1: 0}.keys(), {0: 1, 1: 5}.values(), {(1, 5): 0}.items(), {5.0}, [], ""]
probes = [1, 5, 1.0, 2 ** 64, "1", "xy", None, (1, 5), [1], True, 2.5, 5.0]
for ci, c in enumerate(conts):
    row = []
    for i in range(60):
        p = probes[i % len(probes)]
        try:
            r = p in c
            r2 = p not in c
            row.append(1 if r else 0)
            if r == r2:
                row.append("bad")
        except TypeError:
            row.append("T")
    print(ci, "".join([str(v) for v in row[:len(probes)]]), row.count(1))

hits = 0
for i in range(300):
    c = [range(100), list(range(0, 100, 2)), "0123456789", {k: 0 for k in range(50)}][i // 75]
    k = i % 120
    try:
        if k in c:
            hits += 1
    except TypeError:
        hits += 1000
print(hits)
