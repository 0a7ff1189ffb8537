# Dict, tuple and str subscripts, unpacking and membership inside hot loops, with the
# container types changing and a KeyError raised from inside a trace.
def tally(pairs):
    counts = {}
    for key, value in pairs:
        if key in counts:
            counts[key] = counts[key] + value
        else:
            counts[key] = value
    return sorted(counts.items())


print(tally([(i % 5, i) for i in range(1000)]))


def pick(seq, n):
    total = 0
    for i in range(n):
        total += seq[i % len(seq)]
    return total


print(pick((1, 2, 3, 4), 1000))
print(pick([5, 6, 7], 1000))


def chars(text, n):
    out = ""
    for i in range(n):
        out += text[i % len(text)]
    return len(out), out[:12]


print(chars("abcdef", 500))


def lookups(table, keys):
    s = 0
    for k in keys:
        s += table[k]
    return s


table = {i: i * i for i in range(50)}
print(lookups(table, list(range(50)) * 20))
try:
    lookups(table, list(range(50)) * 5 + [99])
except KeyError as e:
    print("KeyError", e)


def unpack(rows):
    a = b = 0
    for row in rows:
        x, y = row
        a += x
        b += y
    return a, b


print(unpack([(1, 2)] * 300 + [[3, 4]] * 300 + [(5, 6)] * 10))
