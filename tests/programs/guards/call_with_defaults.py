# CALL_PY_WITH_DEFAULTS and calls of instances: hot sites whose callee takes
# defaults, with the defaults rebound, the callee switched, too few and too many
# arguments, and instances whose class's __call__ changes while the loop runs.


def scaled(x, factor=2, offset=0):
    return x * factor + offset


def run_defaults():
    total = 0
    for i in range(300):
        total += scaled(i)
        total += scaled(i, 3)
        if i == 100:
            scaled.__defaults__ = (10, 1)
        if i == 200:
            scaled.__defaults__ = (5,)
            try:
                scaled(i)
            except TypeError as e:
                print("TypeError:", e)
            scaled.__defaults__ = (4, 4)
    print("defaults", total)


def first(a, b=1):
    return a + b


def second(a, b=100, c=1000):
    return a + b + c


def exact(a, b):
    return a * b


def run_callee_switch():
    out = []
    for i in range(60):
        f = first if i < 20 else second if i < 40 else exact
        try:
            out.append(f(i))
        except TypeError as e:
            out.append(str(e))
            break
    print("switch", out[:3], out[20:23], out[-1])


class Counter:
    def __init__(self, start=0, step=1):
        self.value = start
        self.step = step

    def bump(self, times=1, extra=0):
        self.value += self.step * times + extra
        return self.value


def run_methods():
    c = Counter()
    d = Counter(5, step=3)
    for i in range(200):
        c.bump()
        c.bump(2)
        d.bump(extra=i % 3)
        if i == 150:
            Counter.bump.__defaults__ = (0, 7)
    print("methods", c.value, d.value)


class Poly:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, y=1):
        return self.k * x + y


class Other:
    def __call__(self, x):
        return -x


def run_instances():
    p = Poly(3)
    total = 0
    for i in range(200):
        total += p(i)
        total += p(i, 2)
        if i == 120:
            Poly.__call__ = lambda self, x, y=0: x - y
    objs = [Poly(2), Other(), Poly(5)]
    for i in range(90):
        total += objs[i % 3](i)
    print("instances", total)


class StaticCall:
    __call__ = staticmethod(lambda x=4: x * 10)


class NotCallable:
    pass


def run_odd_callables():
    s = StaticCall()
    vals = []
    for i in range(40):
        vals.append(s(i))
    print("static __call__", vals[:3], vals[-1])
    n = NotCallable()
    for i in range(30):
        try:
            n(i)
        except TypeError as e:
            if i == 29:
                print("TypeError:", e)


def gen(n, step=1):
    i = 0
    while i < n:
        yield i
        i += step


def run_generators():
    total = 0
    for k in range(50):
        total += sum(gen(k))
        total += sum(gen(k, 2))
    print("generators", total)


def deep(n, acc=0):
    if n == 0:
        return acc
    return deep(n - 1, acc + n)


def run_recursion():
    print("recursion", deep(500))
    try:
        deep(100000)
    except RecursionError:
        print("RecursionError caught")


run_defaults()
run_callee_switch()
run_methods()
run_instances()
run_odd_callables()
run_generators()
run_recursion()
