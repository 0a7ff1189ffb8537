# tests: functions redefined mid-loop (def in loop body, lambda replacement, different arity/defaults) called from a warmed-up call site
def step(x):
    return x + 1

def run(n):
    return step(n)

out = []
for i in range(360):
    if i == 60:
        def step(x):
            return x * 2
    if i == 120:
        def step(x, y=10):
            return x - y
    if i == 180:
        step = lambda x: [x]
    if i == 240:
        def step(*args):
            return len(args) + args[0]
    if i == 300:
        def step(x, y):
            return x + y
    try:
        out.append(run(i))
    except TypeError:
        out.append("TE")
print([out[k] for k in (0, 59, 60, 119, 120, 179, 180, 239, 240, 299, 300, 359)])

fns = []
for k in range(5):
    def g(x, k=k):
        return x * k
    fns.append(g)
total = 0
for i in range(250):
    total += fns[(i // 50) % 5](i)
print(total)
