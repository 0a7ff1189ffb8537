# tests: calls inlined into hot loops (the JIT enters them without telling the VM
# until a helper needs the frames): three levels deep, callees that call builtins
# and methods (their frames become real mid-call), callees with unbound locals,
# a callee rebound mid-loop, recursion reaching the limit inside a trace, and an
# exception raised two calls deep, caught by the loop, then one left uncaught.
import sys


def leaf(x):
    return x * 2 + 1


def middle(x):
    return leaf(x) + leaf(x + 1)


def outer(x):
    return middle(x) - leaf(x)


def nested(n):
    total = 0
    for i in range(n):
        total += outer(i)
    return total


def with_builtins(values, x):
    values.append(x)
    return len(values) + abs(-x)


def builtins_in_callee(n):
    values = []
    total = 0
    for i in range(n):
        total += with_builtins(values, i)
    return total, len(values)


def many_locals(a, b):
    c = a + b
    if a % 7 == 3:
        d = c * 2
    else:
        d = c
    e = d - a
    f = e * b
    return f - c


def unbound_sometimes(a):
    if a != 500:
        value = a
    return value


def locals_in_callee(n):
    total = 0
    for i in range(n):
        total += many_locals(i, 3)
    caught = 0
    for i in range(n):
        try:
            total += unbound_sometimes(i)
        except UnboundLocalError as error:
            caught += 1
            message = str(error)
    return total, caught, message


def first(x):
    return x + 1


def second(x):
    return x - 1


def rebound_midloop(n):
    global first
    total = 0
    original = first
    for i in range(n):
        if i == n // 2:
            first = second
        total += first(i)
    first = original
    return total


def countdown(k):
    if k == 0:
        return 0
    return countdown(k - 1) + 1


def recursion_limit(n):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(100)
    results = []
    for depth in range(n):
        try:
            results.append(countdown(depth % 120))
        except RecursionError:
            results.append(-1)
    sys.setrecursionlimit(old)
    return sum(results), results.count(-1)


def check(x):
    if x == 777:
        raise ValueError("bad value %d" % x)
    return x


def checked(x):
    return check(x) * 2


def raising(n):
    total = 0
    errors = []
    for i in range(n):
        try:
            total += checked(i)
        except ValueError as error:
            errors.append(str(error))
    return total, errors


print(nested(3000))
print(builtins_in_callee(2000))
print(locals_in_callee(1000))
print(rebound_midloop(2000))
print(recursion_limit(1000))
print(raising(1000))


def final(n):
    for i in range(n):
        checked(i)


final(1000)
