# tests: LOAD_GLOBAL of a global rebound mid-loop to values of different types (int, float, bigint, str, list, function, None), from functions and module level
factor = 2
def use(x):
    return x * factor

def describe():
    return type(factor).__name__

schedule = {60: 2.5, 120: 2 ** 64, 180: "ab", 240: [0], 300: None, 360: 3}
total = 0
log = []
for i in range(420):
    if i in schedule:
        factor = schedule[i]
        log.append(describe())
    try:
        r = use(i % 4)
    except TypeError:
        r = -1
    if isinstance(r, (int, float)):
        total += r
    else:
        total += len(r)
    m = factor if i % 7 == 0 else 0
    if isinstance(m, int):
        total += m
print(total, log)

def setter(v):
    global factor
    factor = v

def reader():
    return factor

out = []
for i in range(200):
    if i % 50 == 49:
        setter(lambda: "called")
    elif i % 50 == 0:
        setter(i)
    f = reader()
    out.append(f() if callable(f) else f)
print(out[:3], out[48:52], out[-2:])
