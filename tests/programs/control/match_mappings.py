# tests: mapping patterns: keys, nested values, **rest, what counts as a mapping, get() lookups, duplicate keys
from collections import defaultdict, OrderedDict, Counter


def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest} if rest:
            return f"key {k} with {sorted(rest.items())}"
        case {"type": "key", "key": k}:
            return f"key {k}"
        case {"type": t, **rest}:
            return f"other event {t} rest={rest}"
        case {}:
            return "mapping without type"
        case _:
            return "not a mapping"


events = [
    {"type": "click", "pos": (1, 2)},
    {"type": "click", "pos": [3, 4], "extra": True},
    {"type": "key", "key": "a"},
    {"type": "key", "key": "b", "shift": True, "ctrl": False},
    {"type": "key", "key": 5},
    {"type": "scroll", "delta": -1},
    {"unrelated": 1},
    {},
    [("type", "click")],
    "type",
    OrderedDict(type="key", key="z"),
    defaultdict(int, {"type": "dd"}),
    Counter(type=3),
]
for e in events:
    print(handle(e))


class Tracking(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)

    def __missing__(self, key):
        return "from missing"


match Tracking(a=1, b=2):
    case {"a": 1, "c": _}:
        print("has c")
    case {"b": bv, "a": av}:
        print("matched", av, bv)

defaults = defaultdict(list)
match defaults:
    case {"anything": value}:
        print("defaultdict invented a key", value)
    case _:
        print("get() does not call __missing__:", dict(defaults))


class Keys:
    A = "a"
    B = "b"


def by_attribute_keys(d):
    match d:
        case {Keys.A: 1, Keys.B: b}:
            return f"b={b}"
        case {1: one, 2.5: f, None: n, "t": t}:
            return f"{one} {f} {n} {t}"
    return None


print(by_attribute_keys({"a": 1, "b": 2}), by_attribute_keys({1: "x", 2.5: "y", None: "z"}), by_attribute_keys({1: "x", 2.5: "y", None: "z", "t": "w"}))
dup = "k"
try:
    match {"k": 1}:
        case {Keys.A: 1, Keys.A: 2}:
            pass
except ValueError as e:
    print("ValueError:", e)
items = [{"n": i, "sq": i * i} if i % 3 else {"n": i} for i in range(150)]
acc = 0
for it in items:
    match it:
        case {"n": n, "sq": sq}:
            acc += sq - n
        case {"n": n}:
            acc += 1
print(acc)
