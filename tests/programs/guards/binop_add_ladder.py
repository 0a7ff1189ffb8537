# tests: one BINARY_OP '+' site whose operands go int -> float -> ints crossing 2**47/2**48 and 2**63 -> str -> list -> bool -> tuple -> back to int
def add(a, b):
    return a + b

def operands(phase, i):
    if phase == 0:
        return i, i * 3
    if phase == 1:
        return i + 0.5, i * 0.25
    if phase == 2:
        return 2 ** 47 - 30 + i, 2 ** 47 + i
    if phase == 3:
        return 2 ** 62 + i, 2 ** 62 - 30 + i
    if phase == 4:
        return str(i), "x"
    if phase == 5:
        return [i], [i, -i]
    if phase == 6:
        return i % 2 == 0, True
    if phase == 7:
        return (i,), ()
    if phase == 8:
        return -(2 ** 63) + 30 - i, -1
    return i, 7

for phase in range(10):
    first = None
    last = None
    total = 0
    for i in range(60):
        a, b = operands(phase, i)
        r = add(a, b)
        r2 = a + b
        if r != r2:
            print("mismatch", phase, i, r, r2)
        if first is None:
            first = r
        last = r
        if isinstance(r, (int, float)):
            total = total + r
        else:
            total = total + len(r)
    print(phase, type(last).__name__, first, last, total)
print(add(2 ** 64, -(2 ** 64)), add(1, 2.5), add(True, 2 ** 63), add(0.1, 0.2))
