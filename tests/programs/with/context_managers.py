# tests: with statements: __enter__/__exit__, as-targets, exception suppression, re-raise, nested managers, return/break/continue through with, errors in __exit__
class Tracer:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tracer("a") as value:
    print("inside", value)

with Tracer("b", suppress=True):
    raise ValueError("swallowed")
print("after b")

try:
    with Tracer("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))

with Tracer("outer") as o, Tracer("inner") as i:
    print("both", o, i)

def early(n):
    with Tracer("f"):
        if n > 0:
            return "returned"
    return "fell through"
print(early(1), early(0))

for k in range(3):
    with Tracer(f"loop{k}"):
        if k == 0:
            continue
        if k == 2:
            break
        print("body", k)

class Counter:
    def __init__(self):
        self.entered = 0
    def __enter__(self):
        self.entered += 1
        return self
    def __exit__(self, *args):
        return False

c = Counter()
for _ in range(500):
    with c:
        pass
print(c.entered)

class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise RuntimeError("exit failed")
try:
    with BadExit():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__context__).__name__)
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
