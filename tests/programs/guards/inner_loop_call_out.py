# Instructions the tier-1 inner loop runs through the interpreter's own code (native
# calls, operators on other types, slices, formatting, container builds), in hot
# loops: exceptions they raise, Python code they run, classes they change and garbage
# they make must all behave as if each ran on its own.


class Temperature:
    def __init__(self, degrees):
        self.degrees = degrees

    def __add__(self, other):
        if isinstance(other, Temperature):
            return Temperature(self.degrees + other.degrees)
        if other == 13:
            raise ValueError("unlucky")
        return Temperature(self.degrees + other)

    def __lt__(self, other):
        return self.degrees < other.degrees

    def __repr__(self):
        return f"T({self.degrees})"


def parse_all(texts):
    # int() raises inside the loop; the handler is in the same frame.
    good, bad = [], 0
    for text in texts:
        try:
            good.append(int(text))
        except ValueError as error:
            bad += 1
            last = str(error)
    return good, bad, last


def pops(n):
    # list.pop on an empty list raises IndexError from a method descriptor.
    items = list(range(n))
    popped = 0
    while True:
        try:
            items.pop()
            popped += 1
        except IndexError as error:
            return popped, str(error)


def special_methods(n):
    total = Temperature(0)
    errors = 0
    for i in range(n):
        try:
            total = total + (i % 20)
        except ValueError:
            errors += 1
    return total, errors


def natives_calling_python(n):
    # sorted/max with a key written in Python, map over a lambda, a generator drained
    # by list(): the natives run Python code while the loop is in its middle.
    acc = 0
    for i in range(n):
        values = [(i * 7 + k) % 11 for k in range(5)]
        acc += sorted(values, key=lambda v: -v)[0]
        acc += max(values, key=lambda v: (v % 3, v))
        acc += sum(map(lambda v: v * 2, values))
        acc += len(list(v for v in values if v % 2))
    return acc


class Box:
    pass


def class_changes(n):
    # setattr on the class (a native) changes what attribute loads in the same loop
    # must see.
    box = Box()
    box.size = 1
    seen = []
    for i in range(n):
        if i == n // 2:
            setattr(Box, "size", property(lambda self: 100))
        seen.append(box.size)
    return seen[0], seen[-1], seen.count(1), seen.count(100)


def slices_and_formats(n):
    data = list(range(10))
    out = []
    for i in range(n):
        data[: i % 5 + 1] = data[i % 5 :: -1]
        out.append(f"{data[0]}:{data[-1]:>3}|{i:x}")
    return data, out[-3:], len(set(out))


def garbage(n):
    # Natives that allocate a lot, many times: collections happen between them.
    total = 0
    for i in range(n):
        chunk = list(range(i % 50))
        words = " ".join(str(x) for x in chunk)
        total += len(words.split()) + len({x: x for x in chunk})
    return total


def deep_error(depth):
    if depth == 0:
        return {}["missing"]
    return deep_error(depth - 1)


def comparisons(n):
    temps = [Temperature(i % 17) for i in range(n)]
    smaller = 0
    for a, b in zip(temps, temps[1:]):
        if a < b:
            smaller += 1
    try:
        for t in temps:
            if t < 5:
                pass
    except AttributeError as error:
        smaller += 1000
        message = str(error)
    return smaller, message


print(parse_all(["1", "x", "3", "4.5", "-7"] * 40))
print(pops(300))
print(special_methods(500))
print(natives_calling_python(300))
print(class_changes(400))
print(slices_and_formats(300))
print(garbage(400))
print(comparisons(300))
try:
    deep_error(30)
except KeyError as error:
    print("KeyError", error)
print(deep_error(5))
