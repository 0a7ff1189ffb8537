# tests: itertools recipes built from the primitives: take, nth, all_equal, quantify, ncycles, flatten, roundrobin, unique_everseen, partition, powerset, grouper with zip_longest, sliding windows
import itertools as it
import operator

def take(n, iterable):
    return list(it.islice(iterable, n))
def nth(iterable, n, default=None):
    return next(it.islice(iterable, n, None), default)
def all_equal(iterable):
    g = it.groupby(iterable)
    return next(g, True) and not next(g, False)
def quantify(iterable, pred=bool):
    return sum(map(pred, iterable))
def ncycles(iterable, n):
    return it.chain.from_iterable(it.repeat(tuple(iterable), n))
def flatten(list_of_lists):
    return it.chain.from_iterable(list_of_lists)
def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element
def partition(pred, iterable):
    t1, t2 = it.tee(iterable)
    return list(it.filterfalse(pred, t1)), list(filter(pred, t2))
def powerset(iterable):
    s = list(iterable)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return it.zip_longest(*args, fillvalue=fillvalue)
def sliding_window(iterable, n):
    iterator = iter(iterable)
    window = list(it.islice(iterator, n - 1))
    for x in iterator:
        window.append(x)
        yield tuple(window)
        del window[0]
def dotproduct(a, b):
    return sum(map(operator.mul, a, b))

print(take(4, it.count(10, 5)), nth(range(10), 3), nth(range(3), 7, "none"))
print(all_equal("aaaa"), all_equal("aaba"), all_equal(""), quantify([1, 0, 3, 0, 5]), quantify("hello", str.isupper))
print(list(ncycles("ab", 3)), list(flatten([[1, 2], [3], []])))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(partition(lambda x: x % 2, range(10)), list(powerset("abc")))
print(list(grouper("ABCDEFG", 3, "x")), list(sliding_window("ABCDE", 3)), dotproduct([1, 2, 3], [4, 5, 6]))
print(list(it.starmap(lambda a, b: a ** b, zip(range(5), it.repeat(2)))), list(it.accumulate(range(1, 6), operator.mul)))
print([list(g) for _, g in it.groupby(sorted("mississippi"))], list(it.compress(range(10), it.cycle([1, 0, 0]))))
