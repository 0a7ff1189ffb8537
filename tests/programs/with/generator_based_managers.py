# tests: hand-written context managers: a class wrapping a generator (contextlib-style), timers, state restoration, nested reentrant use, exception propagation through generator managers
class generator_manager:
    def __init__(self, gen_fn, *args):
        self.gen = gen_fn(*args)
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(exc)
        except StopIteration:
            return True
        except BaseException as raised:
            if raised is exc:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")

def managed(fn):
    return lambda *args: generator_manager(fn, *args)

@managed
def tag(name, out):
    out.append(f"<{name}>")
    try:
        yield name
    finally:
        out.append(f"</{name}>")

@managed
def suppress(*types):
    try:
        yield
    except types as e:
        print("suppressed", type(e).__name__, e)

out = []
with tag("html", out):
    with tag("body", out) as t:
        out.append(t.upper())
print("".join(out))

with suppress(KeyError, IndexError):
    [][3]
print("continued after IndexError")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)

settings = {"mode": "normal", "depth": 0}
@managed
def override(key, value):
    old = settings[key]
    settings[key] = value
    try:
        yield old
    finally:
        settings[key] = old

with override("mode", "debug") as previous:
    print(previous, settings["mode"])
    with override("mode", "trace"):
        print(settings["mode"])
    print(settings["mode"])
print(settings["mode"])
try:
    with override("depth", 5):
        raise ValueError("inside override")
except ValueError as e:
    print("ValueError:", e, settings["depth"])

class Indenter:
    def __init__(self):
        self.level = 0
        self.lines = []
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *exc):
        self.level -= 1
    def write(self, text):
        self.lines.append("  " * self.level + text)

ind = Indenter()
with ind:
    ind.write("one")
    with ind:
        ind.write("two")
        with ind:
            ind.write("three")
    ind.write("back to one")
print("\n".join(ind.lines), ind.level)
