# tests: itertools: infinite iterators with islice, combinatorics, accumulate, groupby, chain, zip_longest, starmap, takewhile/dropwhile, tee, pairwise, batched
import itertools as it
import operator

print(list(it.islice(it.count(5, 3), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.islice(it.count(), 2, 10, 3)), list(it.islice("abcdef", None, None, 2)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(it.chain("ab", [1, 2])), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda v: v < 3, [1, 2, 3, 1])), list(it.takewhile(lambda v: v < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(lambda v: v % 2, range(8))), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.pairwise("abcd")))
print([(k, list(g)) for k, g in it.groupby("aaabccdd")])
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({k: list(g) for k, g in it.groupby(words, key=lambda w: w[0])})
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "xy")))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 3)))
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b))
print(list(it.batched("abcdefg", 3)) if hasattr(it, "batched") else "-")
print(sum(1 for _ in it.combinations(range(10), 4)), list(it.islice(it.permutations(range(4)), 3)))

def running_mean(values):
    for i, total in enumerate(it.accumulate(values), 1):
        yield round(total / i, 3)
print(list(running_mean([2, 4, 6, 8, 10])))

rows = [("north", "jan", 5), ("north", "feb", 7), ("south", "jan", 3), ("south", "feb", 4), ("south", "mar", 1)]
for region, group in it.groupby(rows, key=operator.itemgetter(0)):
    group = list(group)
    print(region, sum(r[2] for r in group), [r[1] for r in group])

def sliding(iterable, n):
    iters = it.tee(iterable, n)
    for i, x in enumerate(iters):
        for _ in range(i):
            next(x, None)
    return zip(*iters)
print(list(sliding(range(6), 3)))

squares = (n * n for n in it.count(1))
print(list(it.takewhile(lambda s: s < 50, squares)))
print(list(it.islice(it.cycle(range(3)), 7)), list(zip(it.count(), "xyz")))
try:
    list(it.islice("abc", -1))
except ValueError as e:
    print("ValueError:", e)
try:
    it.repeat()
except TypeError as e:
    print("TypeError:", type(e).__name__)
