# tests: `in`/`not in` on dicts and sets in hot loops (the JIT answers small int, str
# and float keys without Python code): cross-type equal keys (1, 1.0, True), NaN,
# a str-subclass key stored in the set, instance keys with their own __eq__ and
# __hash__, and the container changing mid-loop.


class Name(str):
    def __eq__(self, other):
        return str.__eq__(self.lower(), str(other).lower())

    def __hash__(self):
        return hash(self.lower())


class Key:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        Key.calls += 1
        return self.v == other


def numbers(n):
    s = {1, 2.5, "three", -4}
    d = {1: "a", 2.5: "b", "three": "c"}
    hits = 0
    misses = 0
    nan = float("nan")
    for i in range(n):
        for k in (1, 1.0, True, 2.5, "three", "four", -4, nan, i % 7):
            if k in s:
                hits += 1
            if k not in d:
                misses += 1
    return hits, misses


def subclass_keys(n):
    s = {Name("Alice"), "bob"}
    found = 0
    for i in range(n):
        if "alice" in s:
            found += 1
        if "BOB" not in s:
            found += 10
    return found


def instance_keys(n):
    s = {Key(5), 7}
    d = {Key("x"): 1}
    found = 0
    for i in range(n):
        if 5 in s:
            found += 1
        if "x" in d:
            found += 2
        if 7 in s:
            found += 4
    return found, Key.calls > 0


def changing(n):
    s = set()
    d = {}
    seen = 0
    for i in range(n):
        if i % 5 == 0:
            s.add(i)
            d[str(i)] = i
        if i - 5 in s:
            seen += 1
        if str(i - 10) in d:
            seen += 100
    return seen, len(s), len(d)


print(numbers(500))
print(subclass_keys(1000))
print(instance_keys(1000))
print(changing(3000))
