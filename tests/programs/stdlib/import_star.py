# from module import *: __all__ when the module defines it, else its public globals.
from random import *
seed(1)
print(randint(1, 9), choice("abc"), round(uniform(0, 1), 12))
from collections import *
print(deque([1]), Counter("aab"), namedtuple("P", "x")(1), OrderedDict(a=1), defaultdict(int))
from itertools import *
print(list(islice(count(), 2)), list(permutations("ab")), list(chain("a", "b")))
from math import *
print(sqrt(16), floor(pi), gcd(12, 18), inf > 1e308)
from heapq import *
h = [3, 1, 2]
heapify(h)
print(heappop(h), nsmallest(1, [5, 4]))
from functools import *
print(reduce(lambda a, b: a * b, [1, 2, 3]), partial(pow, 2)(5))
from operator import *
print(add(1, 2), itemgetter(0)("xy"), neg(3))
from string import *
print(digits, ascii_uppercase[:3], capwords("a b"))
from bisect import *
print(bisect([1, 2, 3], 2), insort)
from time import *
print(type(time()).__name__, type(perf_counter()).__name__)
for name in ["_inst", "_index", "_bind", "_MISSING", "_KEYWORDS", "heapq", "_siftup"]:
    print(name, name in globals())
