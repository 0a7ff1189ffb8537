# tests: 'for a, b in x' loops where the element types switch (tuples, lists, 2-char strs, dict items, zip, enumerate) and a bad element mid-way raises ValueError
def pairs(ph):
    if ph == 0: return [(i, i * 2) for i in range(60)]
    if ph == 1: return [[i, -i] for i in range(60)]
    if ph == 2: return ["%02d" % i for i in range(60)]
    if ph == 3: return {i: i * i for i in range(60)}.items()
    if ph == 4: return zip(range(60), range(60, 0, -1))
    if ph == 5: return enumerate("abcdefghij" * 6)
    if ph == 6: return [(i, i) if i != 55 else (i,) for i in range(60)]
    if ph == 7: return [(2 ** 64 + i, 0.5 * i) for i in range(60)]
    return [range(i, i + 2) for i in range(60)]

for ph in range(9):
    s = 0
    n = 0
    try:
        for a, b in pairs(ph):
            n += 1
            if isinstance(a, str):
                s += int(a) * 10 + ord(b)
            elif isinstance(b, str):
                s += a + ord(b)
            else:
                s += a - b
    except ValueError:
        s = ("ValueError", s)
    print(ph, n, s)

t = 0
for i in range(100):
    for x, (y, z) in [(i, (i, 1)), (i * 0.5, [2, 3]), ("k", "yz")]:
        t += len(str(x)) + (y if isinstance(y, int) else 1) + (z if isinstance(z, int) else 2)
print(t)
