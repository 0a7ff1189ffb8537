# An exception raised by a builtin called from a compiled trace: the traceback must
# name the right line of the loop.
def risky(values):
    total = 0
    for v in values:
        total += v
        total += len(v * [0]) if v < 900 else len(None)
    return total


risky(list(range(1000)))
