# tests: UNPACK_SEQUENCE's specialized forms in hot loops (the JIT unpacks exact
# tuples and lists through a helper): pairs, triples, lists, then mid-loop a
# sequence of another kind, a tuple subclass, a wrong length (ValueError), a
# non-iterable (TypeError), and a wide unpack.


class Pair(tuple):
    pass


def pairs(n):
    data = [(i, i * 2) for i in range(n)]
    data[n // 2] = [7, 8]
    data[n // 2 + 1] = Pair((9, 10))
    data[n // 2 + 2] = "ab"
    total = 0
    last = None
    for item in data:
        a, b = item
        total += a if isinstance(a, int) else len(a)
        last = b
    return total, last


def triples(n):
    rows = [[i, i + 1, i + 2] for i in range(n)]
    s = 0
    for row in rows:
        x, y, z = row
        s += x * y - z
    t = 0
    for i in range(n):
        p, q, r = (i, -i, i * i)
        t += p + q + r
    return s, t


def wrong_length(n):
    data = [(i, i) for i in range(n)]
    data[n - 3] = (1, 2, 3)
    total = 0
    try:
        for a, b in data:
            total += a + b
    except ValueError as error:
        return total, str(error)


def not_iterable(n):
    data = [(i, i) for i in range(n)]
    data[n // 3] = 5
    total = 0
    try:
        for a, b in data:
            total += a - b + 1
    except TypeError as error:
        return total, str(error)


def wide(n):
    total = 0
    for i in range(n):
        a, b, c, d, e, f, g, h, j, k, l, m = (i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, i)
        total += a + m + l
    return total


print(pairs(2000))
print(triples(2000))
print(wrong_length(1000))
print(not_iterable(1000))
print(wide(3000))
