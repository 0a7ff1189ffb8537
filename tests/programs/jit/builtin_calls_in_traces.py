# Builtin calls inside hot loops (run through _RUN_SPECIALIZED in traces), with the
# callable changing mid-loop and a builtin raising inside a trace.
def lengths(items):
    total = 0
    f = len
    for i, item in enumerate(items):
        if i == 300:
            f = sum  # the call site's callable changes: the trace's guard must fail
        total += f(item)
    return total


print(lengths([[1, 2, 3]] * 600))


def floats(n):
    acc = 0.0
    for k in range(n):
        acc += float(k) / (k + 1)
        acc += abs(-k) * 0.5
    return acc


print(floats(2000))


def convert(words):
    out = 0
    for w in words:
        out += int(w)
    return out


try:
    print(convert(["1"] * 500 + ["x"] + ["2"] * 10))
except ValueError as e:
    print("ValueError:", e)


def appends(n):
    seen = []
    for i in range(n):
        seen.append(i % 7)
        if isinstance(i, int) and i % 100 == 0:
            seen.append(-1)
    return len(seen), sum(seen)


print(appends(3000))
