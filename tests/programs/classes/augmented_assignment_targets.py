# tests: augmented assignment on attributes, subscripts and slices of user objects: __getitem__/__setitem__ and __getattr__/__setattr__ call order, in-place dunders vs fallbacks, evaluation-once of targets
log = []

class Store:
    def __init__(self):
        self.data = {"n": 1, "lst": [1]}
    def __getitem__(self, key):
        log.append(f"get {key}")
        return self.data[key]
    def __setitem__(self, key, value):
        log.append(f"set {key}={value!r}")
        self.data[key] = value

s = Store()
s["n"] += 10
s["lst"] += [2]
s["n"] *= 3
print(s.data, log)
log.clear()

def key_fn():
    log.append("key evaluated")
    return "n"
s[key_fn()] -= 1
print(s.data["n"], log)
log.clear()

class Obj:
    def __init__(self):
        object.__setattr__(self, "count", 0)
    def __setattr__(self, name, value):
        log.append(f"setattr {name}={value!r}")
        object.__setattr__(self, name, value)

o = Obj()
o.count += 5
o.count **= 2
print(o.count, log)
log.clear()

class Vec:
    def __init__(self, *v):
        self.v = list(v)
    def __add__(self, other):
        log.append("__add__")
        return Vec(*[a + b for a, b in zip(self.v, other.v)])
    def __repr__(self):
        return f"Vec{tuple(self.v)}"

class MVec(Vec):
    def __iadd__(self, other):
        log.append("__iadd__")
        for i, b in enumerate(other.v):
            self.v[i] += b
        return self

a = Vec(1, 2)
a_id = id(a)
a += Vec(10, 10)
b = MVec(1, 2)
b_id = id(b)
b += Vec(5, 5)
print(a, id(a) == a_id, b, id(b) == b_id, log)
log.clear()

class Holder:
    pass
h = Holder()
h.items = [1]
alias = h.items
h.items += [2]
h.text = "a"
h.text += "b"
print(h.items, alias, alias is h.items, h.text)
nums = [1, 2, 3, 4]
nums[1:3] = [20, 30, 40]
nums[-1] //= 2
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e, t)
print(nums)
x = 5
x <<= 2
x |= 1
x ^= 0b11
x %= 7
print(x)
