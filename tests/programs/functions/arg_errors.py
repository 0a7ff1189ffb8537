# tests: TypeError messages for wrong argument counts and bad keywords
def two(a, b):
    return a + b
def opt(a, b=1):
    return a
cases = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(),
    lambda: two(1, c=2),
    lambda: two(1, a=2),
    lambda: opt(),
    lambda: opt(1, 2, 3),
    lambda: (lambda: 0)(1),
    lambda: (lambda x: x)(),
    lambda: len(),
    lambda: len([], []),
    lambda: abs(1, 2),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
