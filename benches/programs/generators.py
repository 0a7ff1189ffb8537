# Generator pipelines: chained generator functions, generator expressions fed to
# sum/max, recursive `yield from` over a binary tree, itertools.islice/chain,
# and a coroutine driven with send(). Stresses generator creation, resumption
# and the iteration protocol.
import sys
from itertools import chain, islice


def naturals(start):
    n = start
    while True:
        yield n
        n += 1


def keep(pred, items):
    for x in items:
        if pred(x):
            yield x


def scale(factor, items):
    for x in items:
        yield x * factor


def windows(items, size):
    buf = []
    for x in items:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            del buf[0]


def pipeline(n):
    source = naturals(1)
    odd = keep(lambda x: x % 3 != 0, source)
    scaled = scale(7, odd)
    taken = islice(scaled, n)
    total = 0
    for a, b, c in windows(taken, 3):
        total = (total + a * b - c) % 1000000007
    return total


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build_tree(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build_tree(lo, mid - 1), mid, build_tree(mid + 1, hi))


def tree_walk(depth, reps):
    tree = build_tree(0, 2**depth - 2)
    acc = 0
    for _ in range(reps):
        prev = -1
        for v in tree:
            if v != prev + 1:
                raise ValueError("tree out of order")
            prev = v
        acc += prev
        acc += sum(v for v in tree if v % 5 == 0)
    return acc


def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def coroutine_mix(n):
    avg = averager()
    next(avg)
    last = 0.0
    for i in range(n):
        last = avg.send(float(i % 101))
    squares = (i * i for i in range(n))
    cubes = (i * i * i % 1009 for i in range(n))
    best = max(chain(squares, cubes), key=lambda x: x % 99991)
    return last, best


def main():
    n = 400000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    p = pipeline(n)
    t = tree_walk(14, max(1, n // 20000))
    avg, best = coroutine_mix(n)
    print("generators", n, p, t, f"{avg:.9f}", best)


main()
