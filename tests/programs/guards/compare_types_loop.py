# tests: comparisons in a hot loop where operand types change (int vs float vs bigint vs bool)
vals = [5, 5.0, 2 ** 70, True, -3, 4.999, -(2 ** 70), 0, False, 0.0]
counts = [0, 0, 0]
for rep in range(300):
    for a in vals:
        for b in vals[:4]:
            if a < b:
                counts[0] += 1
            elif a == b:
                counts[1] += 1
            else:
                counts[2] += 1
print(counts)
print(sorted(vals))
