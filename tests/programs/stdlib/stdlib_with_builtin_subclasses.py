# tests: standard-library functions given builtin-subclass instances: bisect, heapq, random, functools, itertools, operator, math
import bisect, heapq, random, functools, itertools, operator
class L(list): pass
a = L([1, 3, 5])
bisect.insort(a, 4); print(a, bisect.bisect_left(a, 3), bisect.bisect(a, 9))
h = L(); [heapq.heappush(h, x) for x in (5, 2, 8)]; print(heapq.nsmallest(2, h), heapq.heappop(h), h)
r = random.Random(1); s = L(range(5)); r.shuffle(s); print(s, r.choice(L("abc")), r.sample(L(range(10)), 3))
print(functools.reduce(operator.add, L([1, 2, 3])), list(itertools.chain(L([1]), L([2]))), operator.itemgetter(1)(L("xyz")))
class S(str): pass
print(operator.add(S("a"), "b"), S("x").join(L(["1", "2"])), S("a,b").partition(","))
class I(int): pass
print(list(range(I(2), I(8), I(3))), L([0, 1, 2])[I(1):I(3)], "abc"[I(0):I(2)], [1, 2][-I(1)], bin(I(5)), oct(I(8)))
import math
print(math.sqrt(I(16)), math.factorial(I(5)), math.gcd(I(12), 8), math.floor(I(3)), math.isqrt(I(17)))
