from m import *
class C:
    y = [i for i in range(3)]
    def f(self):
        return __class__, super().g()
    def h(self, x):
        return [lambda: x + z for z in x]
def w(a):
    if (n := len(a)) > 10 and 1 < a <= 3:
        pass
    elif not a:
        return [(y := q) for q in a], y
    try:
        pass
    except (A, B) as e:
        raise
    except C:
        return 1
    else:
        a = 2
    finally:
        return 3
def big():
    f(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31)
    t = (*a, 1, *b)
    s = {*a, 1}
    l = [1, *a]
    d = {a: 1, b: 2}
    e = {'a': 1, 'b': x}
    return 10**30, 0x10, 1.5e3, 2j, b"\x00ab", "a" "b", 'x' * 3, ~5, -0.0, not 0
def gen():
    x = yield
    yield x, (yield)
    for i in (j for j in range(3)):
        yield i
def dl():
    global G
    del G
    x = 1
    del x
    return x
