# tests: and/or/not returning operand values at hot sites whose operand types change (int, str, list, None, float, dict)
def pick(a, b):
    return (a and b), (a or b), (not a) + (not b)

seq = [(1, 2), (0, 2), (3, 0), ("", "x"), ("y", ""), ([], [1]), ([2], None),
       (None, 0.0), (0.0, -0.0), ({}, {1: 2}), (2 ** 65, 0), (0, 2 ** 65), ((), (0,))]
total = 0
for i in range(100):
    a, b, c = pick(i % 4, i % 3)
    total += a + b + c
print("warm", total)
for a, b in seq:
    print(repr(a), repr(b), pick(a, b))

res = []
for i in range(240):
    if i < 60:
        x = i % 2
    elif i < 120:
        x = "s" * (i % 2)
    elif i < 180:
        x = [0] * (i % 2)
    else:
        x = None if i % 2 else {i: i}
    y = x or "default"
    z = x and "present"
    res.append((type(y).__name__, type(z).__name__))
summary = {}
for k in res:
    summary[k] = summary.get(k, 0) + 1
print(sorted(summary.items()))
print(0 or 0.0 or "" or [] or None, 1 and 2.0 and "s" and [3])
