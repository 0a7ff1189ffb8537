# tests: call-site unpacking: *args and **kwargs forwarding, multiple * and ** in one call, keyword order, wrappers that forward everything, errors for duplicate and missing arguments
def describe(a, b=0, *rest, key=None, **extra):
    return f"a={a} b={b} rest={rest} key={key} extra={sorted(extra.items())}"

args = (1, 2, 3)
kwargs = {"key": "k", "z": 26}
print(describe(*args))
print(describe(*args, **kwargs))
print(describe(*[1], *(2, 3), *"xy", key=5, **{"m": 1}, **{"n": 2}))
print(describe(0, **{"b": 9}), describe(a=7), describe(**{"a": 8, "key": 1}))

def forward(*a, **k):
    return describe(*a, **k)
print(forward(5, 6, key="fw", other=1))

def count_calls(fn):
    calls = [0]
    def wrapper(*a, **k):
        calls[0] += 1
        return fn(*a, **k), calls[0]
    return wrapper
counted = count_calls(describe)
print(counted(1), counted(1, key=2))

for bad in [lambda: describe(), lambda: describe(1, a=2), lambda: describe(*args, b=5),
            lambda: describe(1, **{"key": 1}, key=2), lambda: describe(**{"a": 1}, **{"a": 2})]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)

def kwonly(*, x, y=2):
    return x + y
print(kwonly(**{"x": 1}), kwonly(y=10, x=1))
try:
    kwonly(1)
except TypeError as e:
    print("TypeError:", e)
try:
    kwonly()
except TypeError as e:
    print("TypeError:", e)
first, *others = [print, len]
print(first is print, others)
print(*range(3), sep="-", end="!\n")
print(*"abc", **{"sep": "|"})
print(max(*[3, 9, 2]), min(*"zyx"), list(zip(*[(1, 2), (3, 4)])), dict(**{"a": 1}, b=2))
try:
    print(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    describe(**[1])
except TypeError as e:
    print("TypeError:", e)
