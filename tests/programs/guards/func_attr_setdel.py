# tests: function attributes (f.counter) read/written at hot sites, deleted mid-loop (AttributeError), re-created with another type; __name__ reassigned
def f():
    return 1

def g():
    return 2

f.counter = 0
missing = 0
for i in range(300):
    if i == 100:
        del f.counter
    if i == 130:
        f.counter = 1.5
    if i == 200:
        f.counter = "s"
    if i == 260:
        f.counter = 2 ** 64
    try:
        f.counter += 1 if not isinstance(f.counter, str) else "x"
    except AttributeError:
        missing += 1
print(f.counter, missing)
print(hasattr(g, "counter"), getattr(g, "counter", "absent"))

def tally(fn):
    fn.calls = getattr(fn, "calls", 0) + 1
    return fn()

total = 0
for i in range(150):
    fn = f if i % 3 else g
    total += tally(fn)
    if i == 75:
        del g.calls
print(total, f.calls, g.calls)
names = []
for i in range(120):
    if i == 60:
        f.__name__ = "renamed"
    names.append(f.__name__)
print(names[59], names[60], f.__name__, g.__name__)
