# tests: in-place ops (+=, -=, *=) at one site where the accumulator type changes each phase (int, float, bigint, str, list, tuple, bool)
starts = [0, 0.0, 2 ** 60, "", [], (), False, 0]
def incr(ph, i):
    return [i, 0.5, 2 ** 60 + i, chr(97 + i % 26), [i], (i,), True, -i][ph]

for ph in range(len(starts)):
    acc = starts[ph]
    alias = acc
    for i in range(60):
        acc += incr(ph, i)
    if isinstance(acc, (list, tuple, str)):
        print(ph, type(acc).__name__, len(acc), acc[:5], acc[-3:])
    else:
        print(ph, type(acc).__name__, acc)
    if ph == 4:
        print("list alias same object:", alias is acc, len(alias))
    else:
        print("alias unchanged:", alias == starts[ph])

# in-place on subscripted targets with changing element types
cells = [0, 0.0, "", [], 2 ** 62]
d = {"a": 0, "b": 1.5}
for i in range(200):
    k = i % 5
    cells[k] += [1, 0.25, "z", [k], 2 ** 62][k]
    key = "a" if i % 2 else "b"
    if i == 120:
        d["a"] = "s"
        d["b"] = [0]
    if i < 120:
        d[key] += i
    else:
        d[key] += str(i) if i % 2 else [i]
        d[key] = d[key][-3:]
print(cells[0], cells[1], len(cells[2]), len(cells[3]), cells[4])
print(d)
m = 3
for i in range(70):
    m *= 2
    m -= 1
print(m, m.bit_length())
