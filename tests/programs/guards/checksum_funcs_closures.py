# tests: a 10,000-iteration loop calling a rotating set of functions/closures/builtins with int/float/str/list args, redefining one callee every 1000 iterations; checksum at end
def make_adder(n):
    return lambda x: x + n

def square(x):
    return x * x

def safe_len(x):
    try:
        return len(x)
    except TypeError:
        return -1

callees = [make_adder(7), square, abs, safe_len, str, make_adder(0.5)]
inputs = [lambda i: i, lambda i: -i * 0.25, lambda i: 2 ** 62 + i, lambda i: "s" * (i % 4), lambda i: [i] * (i % 3)]
check = 0
errs = 0
for i in range(10000):
    if i % 1000 == 999:
        callees[i // 1000 % 6] = make_adder(i) if i % 2 else square
    fn = callees[i % 6]
    arg = inputs[(i // 7) % 5](i)
    try:
        r = fn(arg)
    except TypeError:
        errs += 1
        continue
    if isinstance(r, str):
        check += len(r) * 3
    elif isinstance(r, list):
        check += len(r) + sum(r) % 101
    elif isinstance(r, float):
        check += int(r * 4) % 1009
    else:
        check += r % 1000003
    check %= 2 ** 61 - 1
print("checksum", check, "errs", errs)
