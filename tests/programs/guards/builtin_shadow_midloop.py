# tests: LOAD_GLOBAL of builtins (len, abs, str, max) shadowed by module globals mid-loop, then restored by del; also shadowed via globals()
def measure(x):
    return len(x) + abs(-3)

def fmt(n):
    return str(n) + "!"

data = [1, 2, 3]
seen = []
for i in range(300):
    if i == 100:
        len = lambda x: 1000
    if i == 150:
        abs = len
    if i == 200:
        del len
    if i == 220:
        del abs
    if i == 240:
        globals()["len"] = lambda x: -5
    if i == 260:
        globals().pop("len")
    seen.append(measure(data))
marks = [0, 99, 100, 149, 150, 199, 200, 219, 220, 239, 240, 259, 260, 299]
print([seen[k] for k in marks])

out = []
for i in range(150):
    if i == 70:
        def str(n):
            return "<" + repr(n) + ">"
    if i == 110:
        del str
    out.append(fmt(i))
print(out[69], out[70], out[109], out[110], out[-1])

def biggest(a, b):
    return max(a, b)
r = []
for i in range(120):
    if i == 60:
        max = min
    if i == 90:
        del max
    r.append(biggest(i, 50))
print(r[59], r[60], r[89], r[90], sum(r))
