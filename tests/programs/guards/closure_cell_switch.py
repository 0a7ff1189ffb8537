# tests: closure cells read at hot sites while the cell's value changes type via nonlocal; late-binding vs default-argument capture; nested closures
def make():
    state = 0
    def bump(v):
        nonlocal state
        state += v
        return state
    def get():
        return state
    def reset(v):
        nonlocal state
        state = v
    return bump, get, reset

bump, get, reset = make()
for i in range(300):
    if i == 60: reset(0.5)
    if i == 120: reset(2 ** 63 - 10)
    if i == 180: reset("")
    if i == 240: reset([])
    if i < 180:
        bump(i)
    elif i < 240:
        bump(chr(65 + i % 26))
    else:
        bump([i])
    if i in (59, 119, 179, 239):
        print(i, get())
print(len(get()), get()[:3])

late = []
early = []
for k in range(5):
    late.append(lambda: k * 10)
    early.append(lambda k=k: k * 10)
print([f() for f in late], [f() for f in early])

def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle

acc = 0
for i in range(200):
    acc += outer(i)(i if i < 100 else i * 0.5)(2 ** 64 if i > 150 else 1)
print(acc)
