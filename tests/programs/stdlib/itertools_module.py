import itertools
from itertools import (count, islice, chain, repeat, cycle, permutations, combinations,
                       product, accumulate, groupby, zip_longest, starmap, takewhile,
                       dropwhile, compress, filterfalse, pairwise, combinations_with_replacement, tee, batched)


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(0.5, 0.25), 3)))
c = count(3)
print(next(c), next(c), repr(c), repr(count()), repr(count(5, 2)), repr(count(1.5)))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)))
print(list(islice("abcdefg", 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice([], 3)))
it = iter(range(10))
print(list(islice(it, 3)), list(it))
print(list(chain([1, 2], (3,), "ab")), list(chain()), list(chain.from_iterable([[1], [2, 3], []])))
print(list(repeat("x", 3)), repr(repeat(1)), repr(repeat("a", 2)), list(repeat(0, -1)))
print(list(map(pow, range(5), repeat(2))), list(zip("ab", repeat(None))))
print(list(islice(cycle("ABC"), 7)), list(cycle([])))
print(list(permutations([1, 2, 3])))
print(list(permutations("abcd", 2)), list(permutations([], 0)), list(permutations([1], 2)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations([1], 0)))
print(list(combinations([1, 2], 3)), list(combinations_with_replacement("abc", 2)))
print(list(product("ab", [0, 1])), list(product([0, 1], repeat=3)))
print(list(product("ab", "cd", repeat=2))[:5], list(product()), list(product([], [1])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=10)))
print(list(accumulate([])), list(accumulate([], initial=0)))
for key, group in groupby("aaabbcaa"):
    print(key, list(group))
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print([k for k, g in groupby("aabbbc")])
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(pairwise("abcd")), list(pairwise([1])), list(batched("abcdefg", 3)))
a, b = tee([1, 2, 3])
print(list(a), list(b))
print(type(count()), type(chain()).__name__, type(permutations([1])).__name__)
total = 0
for i in count(1):
    total += i
    if i == 100:
        break
print(total)
show(islice, [1], -1)
show(islice, [1], 1, -1)
show(islice, [1], 0, 5, 0)
show(islice, [1], "a")
show(islice, [1])
show(permutations, [1], -1)
show(combinations, [1], -1)
show(product, [1], repeat=-1)
show(count, "a")
show(lambda: list(chain(1)))
show(cycle, 1)
show(permutations, [1, 2], "a")
show(combinations, [1])
show(repeat)
show(batched, "abc", 0)
