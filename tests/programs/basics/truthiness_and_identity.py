# tests: truthiness of builtin values and user objects in conditions, short-circuit evaluation order with side effects, is vs ==, None checks, conditional expressions, chained boolean results
trace = []
def t(v, label):
    trace.append(label)
    return v

print(t(0, "a") or t("", "b") or t([1], "c") or t(1, "d"), trace)
trace.clear()
print(t(1, "a") and t([], "b") and t(2, "c"), trace)
trace.clear()
print(not t(None, "a"), t(0, "b") if t(True, "cond") else "no", trace)
values = [0, 0.0, -0.0, 1, "", " ", [], [0], (), ((),), {}, {0: 0}, set(), None, range(0), range(1), 0j if False else 0]
print([bool(v) for v in values])
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
print(bool(Empty()), bool(Falsy()), bool(object()), not Empty(), [x for x in [Empty(), Falsy(), 1] if x])
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b, None is None, (a == b) is True)
x = None
print(x is None, x == None, x if x is not None else "default", x or "fallback")
print(1 and 2, 1 and 0, 0 or [], [] or {}, None or 0 or "last", "" and 1/0)
n = 5
sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
print(sign, ("even", "odd")[n % 2], {True: "yes", False: "no"}[n > 3])
print(all([]), any([]), all([1, [], 3]), any([0, "", [1]]), all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]))
print(True + True, True * 10, -True, sum([True, False, True]), int(False), str(True), repr(False), True == 1, True is 1 if False else "skip")
print(isinstance(True, int), type(True).__name__, bool("False"), bool(0.1), bool(-1))
