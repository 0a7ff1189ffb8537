import operator
from operator import itemgetter, attrgetter, methodcaller


def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(operator.add(2, 3), operator.sub(2, 3), operator.mul(4, 2.5), operator.truediv(7, 2))
print(operator.floordiv(-7, 2), operator.mod(-7, 3), operator.neg(5), operator.pos(-2))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2))
print(operator.gt("b", "a"), operator.ge([1], [2]), operator.pow(2, 10), operator.abs(-3))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5))
print(operator.lshift(1, 5), operator.rshift(64, 2), operator.not_(0), operator.truth([1]))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains("abc", "b"))
print(operator.getitem([1, 2, 3], 1), operator.index(7), operator.concat([1], [2]))
print(operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
d = {}
operator.setitem(d, "k", 1)
print(d)
operator.delitem(d, "k")
print(d)
print(operator.add, operator.itemgetter(1), repr(itemgetter(1, "a")))
print(repr(attrgetter("x.y", "z")), repr(methodcaller("f", 1, k=2)))
print(type(itemgetter(0)), type(attrgetter("a")).__name__)

pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=itemgetter(0)))
print(sorted(pairs, key=itemgetter(1), reverse=True))
print(list(map(itemgetter(1, 0), pairs)))
print(itemgetter(slice(1, 3))("abcd"), itemgetter("k")({"k": 9}))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.inner = None


p = Point(1, 2)
p.inner = Point(5, 6)
print(attrgetter("x")(p), attrgetter("x", "y")(p), attrgetter("inner.y")(p))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), methodcaller("replace", "a", "b")("aaa"))
print(methodcaller("get", "x", 0)({}))

from functools import reduce
print(reduce(operator.mul, range(1, 11)), reduce(operator.add, ["a", "b", "c"]))
print(list(map(operator.add, [1, 2], [10, 20])))

show(operator.add, 1, "a")
show(operator.truediv, 1, 0)
show(operator.index, 1.5)
show(operator.neg, "x")
show(operator.lt, 1, "a")
show(itemgetter(5), [1])
show(itemgetter("z"), {})
show(attrgetter("zz"), 1)
show(attrgetter, 1)
show(itemgetter)
show(operator.indexOf, [1], 2)
show(methodcaller("nope"), 1)

# In-place operators, length_hint, call; random.binomialvariate (small n*p).
import operator, random
x = [1]
print(operator.iadd(x, [2]), x, operator.iconcat(x, [3]), operator.isub(5, 2), operator.imul("a", 3))
print(operator.itruediv(7, 2), operator.ifloordiv(7, 2), operator.imod(7, 3), operator.ipow(2, 5))
print(operator.iand(6, 3), operator.ior(6, 3), operator.ixor(6, 3), operator.ilshift(1, 4), operator.irshift(16, 2))
print(operator.length_hint([1, 2]), operator.length_hint(iter([])), operator.length_hint(5, 7), operator.call(max, 1, 2))
s = {1}
print(operator.ior(s, {2}), s)
random.seed(11)
print([random.binomialvariate(5, 0.3) for _ in range(8)], random.binomialvariate(1, 0.5), random.binomialvariate(20, 0.9))
print(random.binomialvariate(3, 0.0), random.binomialvariate(3, 1.0))
try:
    random.binomialvariate(-1)
except ValueError as e:
    print(e)
