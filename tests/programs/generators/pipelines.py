# tests: generator pipelines, genexps in comprehensions and calls, generators closing over variables, generator state errors
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1

def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x

def squared(source):
    for x in source:
        yield x * x

pipeline = squared(evens(numbers(20)))
print(list(pipeline), list(pipeline))

def make_counter(step):
    def counter():
        total = 0
        while True:
            total += step
            received = yield total
            if received == "reset":
                total = 0
    return counter()

c = make_counter(5)
print(next(c), next(c), c.send("reset"), next(c))

def chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]

print(list(chunks(list(range(10)), 3)))
print(sorted((x % 5 for x in range(20)), reverse=True)[:6])
print(sum(1 for line in "a\nb\nc".splitlines() if line != "b"))
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == "".join(reversed(w))], tuple(len(w) for w in words))

def running():
    g = (yield)
    return g

r = running()
next(r)
try:
    r.send(42)
except StopIteration as e:
    print("returned", e.value)
try:
    next(r)
except StopIteration:
    print("exhausted")

def nested():
    yield from range(3)
    yield from [10, 11]
    yield from (c for c in "xy")
print(list(nested()))
acc = 0
for i, v in enumerate(x * 3 for x in range(3000)):
    acc += i * v
print(acc)
