# Loops that finish inside hot outer loops: the exhausted-iterator exits grow side
# traces that finish the iterator and run the code after the loop. Every observable
# effect of a finished loop must stay as tier 1 leaves it.


def shared_iterator_stays_exhausted():
    # A list iterator that ran out stays exhausted even if its list grows later.
    results = []
    for round in range(300):
        items = [round, round + 1, round + 2]
        it = iter(items)
        total = 0
        for x in it:
            total += x
        items.append(99)
        try:
            next(it)
            results.append("resumed")
        except StopIteration:
            results.append(total)
    print(results[:3], results[-3:], len(results))


def loop_after_loop():
    pairs = [(i, i * 2) for i in range(8)]
    bodies = [[float(i), 0.0] for i in range(5)]
    acc = 0.0
    for step in range(400):
        for a, b in pairs:
            acc += a * 0.5 + b * 0.25
        for body in bodies:
            body[1] += body[0] * 0.001
        if step % 100 == 0:
            print(step, round(acc, 6), [round(b[1], 6) for b in bodies])
    print("done", round(acc, 6))


def range_exhaustion_with_else():
    found = 0
    missing = 0
    for n in range(2, 400):
        for d in range(2, n):
            if d * d > n:
                found += 1
                break
            if n % d == 0:
                break
        else:
            missing += 1
    print("found", found, "missing", missing)


def inner_loop_sizes_change():
    out = []
    for n in range(250):
        row = list(range(n % 7))
        s = 0
        for v in row:
            s += v
        out.append(s)
    print(sum(out), out[:10])


def exit_then_raise():
    data = [[1, 2, 3], [4, 5], [6], [], [7, 8, 9]]
    totals = []
    for round in range(100):
        for chunk in data:
            t = 0
            for v in chunk:
                t += v
            totals.append(t)
    print(len(totals), sum(totals))
    for chunk in data:
        for v in chunk:
            pass
    # The loop variable keeps its last value after the loop.
    print("last", v, chunk)
    leftover = iter(data)
    for chunk in leftover:
        pass
    print(next(leftover, "exhausted"))
    return totals[10] / (totals[3] - 0)


shared_iterator_stays_exhausted()
loop_after_loop()
range_exhaustion_with_else()
inner_loop_sizes_change()
exit_then_raise()
