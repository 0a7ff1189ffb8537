# tests: truthiness (if x / not x / while x / bool(x) / ternary) at sites warmed on ints, then cycling through many types
def f():
    return 0

nan = float("nan")
values = [5, 0, "", "a", [], [0], None, 0.0, -0.0, 1e-300, {}, {0: 0}, f,
          (), (0,), set(), {0}, range(0), range(1), 2 ** 64, -(2 ** 64), True, False,
          nan, "0", " ", [[]], {"": None}, 2 ** 64 - 2 ** 64, -1]

def truth(x):
    r = 0
    if x:
        r += 1
    if not x:
        r += 2
    r += 4 if x else 8
    while x:
        r += 16
        break
    if bool(x) == (not not x):
        r += 32
    return r

warm = 0
for i in range(100):
    warm += truth(i % 3)
print("warm", warm)
out = []
for rep in range(3):
    for v in values:
        out.append(truth(v))
print(out[:len(values)])
print(out == out[:len(values)] * 3)
count = 0
for i in range(300):
    x = values[i % len(values)]
    if x:
        count += 1
    elif x is None:
        count += 100
print(count)
