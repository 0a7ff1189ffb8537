# tests: __getattr__ fallback (only for missing attributes), getattr/setattr/delattr/hasattr builtins, __setattr__/__delattr__ hooks
class Proxy:
    def __init__(self, target):
        self._target = target
        self.hits = 0
    def __getattr__(self, name):
        self.hits += 1
        if name.startswith("secret"):
            raise AttributeError(f"no access to {name}")
        return getattr(self._target, name)

p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.hits, p.count(1), p.hits)
print(hasattr(p, "secret_key"), hasattr(p, "index"), getattr(p, "secret", "dflt"))
try:
    p.secret_x
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.nothing_here
except AttributeError as e:
    print("AttributeError:", e)

class Record:
    def __init__(self, **fields):
        for k, v in fields.items():
            setattr(self, k, v)
    def __repr__(self):
        return "Record(" + ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items())) + ")"

r = Record(name="ann", age=31)
print(r, getattr(r, "name"), getattr(r, "missing", None))
setattr(r, "age", 32)
delattr(r, "name")
print(r, hasattr(r, "name"), r.__dict__)
try:
    delattr(r, "name")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(r, 5)
except TypeError as e:
    print("TypeError:", e)

class Audited:
    def __init__(self):
        self.log = []
        self.x = 1
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)

a = Audited()
a.x += 5
a.y = "why"
del a.y
print(a.x, a.log, hasattr(a, "y"))

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")
f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError:", e, f.v)

class Defaults:
    color = "red"
    def __getattr__(self, name):
        return name.upper()
d = Defaults()
print(d.color, d.size, d.__class__.__name__)
d.color = "blue"
print(d.color, Defaults.color, vars(d))
