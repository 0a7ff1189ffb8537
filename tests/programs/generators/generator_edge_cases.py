# tests: generator edge cases: return inside try/finally, yield inside with, exceptions after exhaustion, re-entrancy errors, generator in class methods, yield as expression value
class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log
    def __enter__(self):
        self.log.append("open " + self.name)
        return self
    def __exit__(self, *a):
        self.log.append("close " + self.name)

def with_gen(log):
    with Resource("r", log):
        yield 1
        yield 2
    log.append("after with")

log = []
print(list(with_gen(log)), log)
log = []
g = with_gen(log)
next(g)
g.close()
print(log)

def early_return(n):
    try:
        for i in range(n):
            if i == 2:
                return "stopped"
            yield i
    finally:
        print("finally in generator")
print(list(early_return(5)))

def yield_expr():
    received = []
    x = yield
    while x is not None:
        received.append(x * 2)
        x = yield len(received)
    yield received
g = yield_expr()
next(g)
print(g.send(1), g.send(5), g.send(None))

class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child
    def leaves(self):
        if not self.children:
            yield self.value
        for child in self.children:
            yield from child.leaves()
    def depth_first(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.depth_first(depth + 1)

t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6, Tree(7))))
print(list(t), list(t.leaves()), sum(t), max(t))
print(["  " * d + str(v) for d, v in t.depth_first()])

def exhausted():
    yield 1
g = exhausted()
print(list(g), list(g), next(g, "default"))
try:
    g.throw(ValueError("after end"))
except ValueError as e:
    print("ValueError:", e)
print(g.send(None) if False else "skip send")

def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

def empty():
    return
    yield
print(list(empty()), type(empty()).__name__)

def many_yields():
    yield from range(3)
    yield from "ab"
    yield from [None]
    yield from ()
print(list(many_yields()))

gens = [(x * k for x in range(3)) for k in range(1, 4)]
print([list(g) for g in gens])

def lazy_error():
    yield 1
    raise KeyError("late")
g = lazy_error()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("KeyError:", e)
print(next(g, "exhausted after error"))
