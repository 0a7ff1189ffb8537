# tests: yield from delegation: return values, send/throw forwarded to subgenerators, yield from iterables, nested delegation
def inner(n):
    received = []
    for i in range(n):
        x = yield i
        received.append(x)
    return received

def outer():
    result = yield from inner(3)
    print("inner returned", result)
    again = yield from inner(1)
    return result + again

g = outer()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send("c")
    g.send("d")
except StopIteration as e:
    print("outer returned", e.value)

def flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, (4, 5)], []], [[[6]]], 7])))

def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", [1, 2], range(3), {"k": 1}, (x * x for x in range(3)))))

def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield f"handled {e}"

def delegator():
    yield from catcher()

g = delegator()
print(next(g), g.throw(ValueError("v1")), next(g), g.throw(ValueError("v2")))
try:
    g.throw(KeyError("not handled"))
except KeyError as e:
    print("KeyError out:", e)

def closing_inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")

def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally")
g = closing_outer()
next(g)
g.close()

def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from depth(n - 1)
    yield f"level {n}"
    return r + 1
g = depth(4)
out = []
while True:
    try:
        out.append(next(g))
    except StopIteration as e:
        out.append(e.value)
        break
print(out)

def tree_walk(tree, path=()):
    name, children = tree
    yield "/".join(path + (name,))
    for child in children:
        yield from tree_walk(child, path + (name,))
fs = ("root", [("bin", []), ("usr", [("lib", []), ("share", [("doc", [])])]), ("tmp", [])])
for p in tree_walk(fs):
    print(p)

def gen_with_return_value():
    yield from []
    return "empty delegation"
def wrap():
    v = yield from gen_with_return_value()
    yield v
print(list(wrap()))
