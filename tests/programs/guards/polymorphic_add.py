# tests: one function called with int, float, str, list, tuple and bigint arguments in the same loop
def double(x):
    return x + x
inputs = [1, 2.5, "ab", [1], (2,), 2 ** 64, True, -0.0, 10 ** 30]
for rnd in range(3):
    out = []
    for v in inputs:
        out.append(double(v))
    print(out)
def mul(a, b):
    return a * b
print([mul(a, b) for a, b in [(2, 3), (2.0, 3), ("x", 3), ([0], 2), (2 ** 62, 4), (True, 5)]])
