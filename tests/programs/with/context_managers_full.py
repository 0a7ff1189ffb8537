# tests: with statement: __enter__/__exit__ protocol, suppression, exceptions in __exit__, nested and multiple managers, contextlib-free generator managers
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tracker("a") as v:
    print("body", v)

with Tracker("b", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")

try:
    with Tracker("c"):
        raise KeyError("kept")
except KeyError as e:
    print("caught", repr(e))

with Tracker("outer") as o, Tracker("inner") as i:
    print("both", o, i)

try:
    with Tracker("x1"), Tracker("x2", suppress=True), Tracker("x3"):
        raise RuntimeError("deep")
    print("x2 suppressed it")
except RuntimeError:
    print("should not get here")

def early_return():
    with Tracker("ret"):
        return "returned value"
print(early_return())

for n in range(3):
    with Tracker(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)

class FailingExit:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise OSError("exit failed")
try:
    with FailingExit():
        raise ValueError("original")
except OSError as e:
    print("OSError:", e, "context:", repr(e.__context__))

class FailingEnter:
    def __enter__(self):
        raise LookupError("enter failed")
    def __exit__(self, *args):
        print("never called")
try:
    with FailingEnter():
        print("never")
except LookupError as e:
    print("LookupError:", e)

class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)

class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print("TypeError:", e)

class Resource:
    open_count = 0
    def __init__(self, name):
        self.name = name
        self.closed = False
    def __enter__(self):
        Resource.open_count += 1
        return self
    def __exit__(self, *exc):
        self.closed = True
        Resource.open_count -= 1
        return False
    def read(self):
        if self.closed:
            raise ValueError("I/O on closed resource")
        return f"data from {self.name}"

with Resource("r1") as r:
    print(r.read(), Resource.open_count)
print(r.closed, Resource.open_count)
try:
    r.read()
except ValueError as e:
    print("ValueError:", e)

class ExitArgs:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print(t is ZeroDivisionError, isinstance(v, ZeroDivisionError))
        return True
with ExitArgs():
    1 / 0
print("done")
