# The tier-1 inner loop runs simple instructions, exact calls and returns on its own
# and hands everything else back to the main loop. Each section crosses that line
# mid-loop: a guard that held starts failing, a call it could follow stops being one,
# a value leaves the small-int range.
import sys


# Polymorphic attribute sites: two classes with the same attribute names, then a
# third whose attribute is a property, then an instance that shadows a method.
class A:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class B:
    def __init__(self, v):
        self.w = 0
        self.v = v * 10

    def get(self):
        return self.v + 1


class C:
    @property
    def v(self):
        return -1

    def get(self):
        return 0


def total(items):
    t = 0
    for x in items:
        t += x.v
        t += x.get()
    return t


objs = [A(i) if i % 2 else B(i) for i in range(40)]
print("poly", total(objs))
objs.append(C())
print("poly+property", total(objs))
shadow = A(5)
shadow.get = lambda: 1000
objs.append(shadow)
print("shadowed method", total(objs))


# Attribute stores that add new names mid-loop, and a store into a namespace whose
# key order differs from the cached position.
class P:
    pass


ps = []
for i in range(30):
    p = P()
    if i % 3 == 0:
        p.z = i
    p.x = i
    p.y = i * 2
    ps.append(p)
print("stores", sum(p.x + p.y for p in ps), sorted(vars(ps[3]).items()), sorted(vars(ps[4]).items()))


# __init__ returning something other than None, reached after many good calls.
class Weird:
    def __init__(self, flag):
        self.flag = flag
        if flag:
            return 42


made = 0
try:
    for i in range(100):
        Weird(i == 77)
        made += 1
except TypeError as e:
    print("init", made, e)


# Exact calls and returns, then one that binds differently (a default), then one
# that recurses past the limit.
def add(a, b):
    return a + b


def add3(a, b, c=0):
    return a + b + c


acc = 0
f = add
for i in range(200):
    if i == 150:
        f = add3
    acc = f(acc, i)
print("calls", acc)


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


print("depth", down(500))
sys.setrecursionlimit(300)
try:
    down(1000)
except RecursionError as e:
    print("recursion", type(e).__name__)
sys.setrecursionlimit(1000)


# Bound methods called through a variable (CALL_BOUND_METHOD_EXACT_ARGS).
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n


c = Counter()
bump = c.bump
for i in range(100):
    bump(i)
print("bound", c.n)


# Small ints leaving their range: negation, range iteration and arithmetic.
big = 2**47 - 3
vals = []
for k in range(big, big + 6):
    vals.append(-k)
    vals.append(k + k)
print("edges", vals[:2], vals[-2:], -(-2**47), type(-(2**47)).__name__)
neg = [-x for x in (1, 2.5, -0.0, True)]
print("negate", neg)


# Identity and not on every kind of value, `len` of containers and a subclass.
class L(list):
    def __len__(self):
        return 99


things = [None, True, 0, 0.0, "", "é€", [], [1], (), {}, {1: 2}, L([1, 2])]
lens = []
for t in things:
    lens.append((t is None, t is not None, not (t is None)))
    try:
        lens.append(len(t))
    except TypeError as e:
        lens.append(str(e))
print("is/len", lens)


# A list appended to by a comprehension while another loop iterates it.
xs = [1, 2, 3]
ys = [x * 2 for x in xs if x != 2]
for x in xs:
    if len(xs) < 8:
        xs.append(x + 10)
print("lists", xs, ys)

# Module attributes rebound while a loop reads them.
import math

s = 0.0
for i in range(50):
    if i == 25:
        math.pi = 3
    s += math.pi
print("module attr", s)
