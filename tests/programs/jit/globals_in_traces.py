# tests: module globals and builtins read in hot function loops (the JIT keeps each
# value with the namespaces' versions and re-reads it when they change): a global
# written every iteration beside the ones read, a global rebound by a callee
# mid-loop, a builtin shadowed and unshadowed from inside the loop (by assignment,
# through globals() and through the builtins module), and a global deleted mid-loop.
import builtins

SCALE = 3
OFFSET = 10
counter = 0


def bump():
    global counter
    counter += 1


def rebind_scale(value):
    global SCALE
    SCALE = value


def steady(n):
    total = 0
    for i in range(n):
        total += i * SCALE + OFFSET
        bump()
    return total


def rebound_midloop(n):
    out = []
    for i in range(n):
        if i == 300:
            rebind_scale(7)
        if i == 600:
            rebind_scale(-1)
        out.append(i * SCALE)
    return out[299], out[300], out[599], out[600], out[-1]


def shadowed_len(n):
    global len
    data = [1, 2, 3]
    seen = []
    for i in range(n):
        if i == 200:
            len = lambda x: 100
        if i == 400:
            del len
        if i == 500:
            globals()["len"] = lambda x: -1
        if i == 600:
            globals().pop("len")
        if i == 700:
            builtins.len = lambda x: 55
        if i == 800:
            builtins.len = original_len
        seen.append(len(data))
    return [seen[k] for k in (0, 199, 200, 399, 400, 499, 500, 599, 600, 699, 700, 799, 800, 999)]


original_len = len


def deleted_midloop(n):
    global OFFSET
    total = 0
    for i in range(n):
        if i == 250:
            del OFFSET
        total += OFFSET
    return total


print(steady(2000), counter)
print(rebound_midloop(1000))
SCALE = 3
print(shadowed_len(1000))
print(len([1, 2]), builtins.len is original_len)
try:
    deleted_midloop(1000)
except NameError as error:
    print("NameError:", error)
OFFSET = 4
print(steady(1000), counter)
