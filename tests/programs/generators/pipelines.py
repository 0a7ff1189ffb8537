# tests: generator pipelines: chained stages, infinite generators with islice, coroutine-style consumers with send, generators holding state across calls
import itertools

def read_lines(text):
    for line in text.splitlines():
        yield line

def strip_comments(lines):
    for line in lines:
        code = line.split("#", 1)[0].rstrip()
        if code:
            yield code

def parse_pairs(lines):
    for line in lines:
        key, _, value = line.partition("=")
        yield key.strip(), value.strip()

CONFIG = """
# settings
name = demo
size = 42   # inline
# empty below

mode = fast
"""
print(dict(parse_pairs(strip_comments(read_lines(CONFIG)))))

def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1
print(list(itertools.islice(primes(), 15)))

def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print([f for f in itertools.takewhile(lambda x: x < 1000, fibonacci()) if f % 2 == 0])

def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return (count, average)
        total += value
        count += 1
        average = total / count
avg = averager()
next(avg)
print([avg.send(v) for v in [10, 20, 30, 40]])
try:
    avg.send(None)
except StopIteration as stop:
    print("result", stop.value)

def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line.upper())

def collector(out):
    while True:
        item = yield
        out.append(item)
found = []
sink = collector(found)
next(sink)
g = grep("py", sink)
next(g)
for line in ["python rocks", "rust too", "pypy", "c"]:
    g.send(line)
print(found)

def chunks(iterable, size):
    it = iter(iterable)
    while True:
        block = list(itertools.islice(it, size))
        if not block:
            return
        yield block
print(list(chunks(range(10), 4)), list(chunks("", 3)))

def window_sums(nums, k):
    window = sum(nums[:k])
    yield window
    for i in range(k, len(nums)):
        window += nums[i] - nums[i - k]
        yield window
print(list(window_sums([1, 3, 5, 7, 9, 11], 3)))

def interleave(*gens):
    active = [iter(g) for g in gens]
    while active:
        for it in list(active):
            try:
                yield next(it)
            except StopIteration:
                active.remove(it)
print(list(interleave("abc", [1, 2], (x for x in "XYZW"))))

def counter_gen():
    count = 0
    while True:
        cmd = yield count
        if cmd == "reset":
            count = 0
        else:
            count += 1
c = counter_gen()
print(next(c), next(c), next(c), c.send("reset"), next(c))
gen = (i for i in range(3))
print(gen.__next__(), list(gen), gen.gi_running if hasattr(gen, "gi_running") else False)
