# tests: subclassing dict: __missing__, overriding __getitem__/__setitem__, super().__init__, views, equality
class Default(dict):
    def __missing__(self, key):
        value = self[key] = len(key)
        return value


d = Default(a=1)
print(d["a"], d["hello"], d, len(d), "hello" in d, "zz" in d, d.get("zz"), d.get("zz", 0))
print(isinstance(d, dict), type(d).__name__, d == {"a": 1, "hello": 5}, {"a": 1, "hello": 5} == d)
print(sorted(d), list(d.keys()), list(d.values()), list(d.items()), d.pop("a"), d)
d.update({"x": 1}, y=2)
d.setdefault("z", 3)
print(d, d.copy(), type(d.copy()).__name__, dict(d), {**d, "w": 0})
del d["x"]
print(d, [k for k in d], len(d))
try:
    del d["nope"]
except KeyError as e:
    print("KeyError", e)


class Strict(dict):
    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            raise KeyError(f"no {key!r} in Strict") from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"keys must be str, not {type(key).__name__}")
        super().__setitem__(key.lower(), value)


s = Strict()
s["Name"] = "x"
print(s, s["name"])
try:
    s[1] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    s["missing"]
except KeyError as e:
    print("KeyError:", e)
print(s.get("missing"), s.get("name"))


class AttrDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.created = True

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


a = AttrDict({"one": 1}, two=2)
print(a.one, a.two, a.created, a, len(a))
try:
    a.three
except AttributeError as e:
    print("AttributeError:", e)


class Counted(dict):
    def __init__(self, items):
        super().__init__()
        for item in items:
            self[item] = self.get(item, 0) + 1

    def most(self):
        return max(self.items(), key=lambda kv: kv[1])


c = Counted("mississippi")
print(c, c.most(), sorted(c.items()))
print(repr(Default()), Default() == {}, bool(Default()), bool(c))
try:
    hash(c)
except TypeError as e:
    print("TypeError:", e)
print(dict.__getitem__(c, "s"), dict.__len__(c), dict.__contains__(c, "m"))
