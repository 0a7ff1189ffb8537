# tests: sequence patterns: fixed length, star captures, star wildcards (subscript form), nesting, what counts as a sequence
from collections import deque


def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last] if middle:
            return f"first {first}, middle {middle}, last {last}"
        case [first, *rest]:
            return f"first {first}, rest {rest}"
    return "not a sequence"


for v in [[], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4, 5), range(3), "abc", {"a": 1}, 5, deque([7, 8]), [[1, 2], [3]]]:
    print(type(v).__name__, shape(v))


def subscr(v):
    match v:
        case [a, *_, z]:
            return ("ends", a, z)
        case [*_, 0]:
            return ("zero last",)
        case [_, _]:
            return ("two wildcards",)
        case [*_]:
            return ("any sequence",)


for v in [[1, 2, 3], [0], [9, 8], [], range(10), (5, 0), "xy"]:
    print(v, subscr(v))


def nested(v):
    match v:
        case [(x, y), [z, *w]]:
            return f"x={x} y={y} z={z} w={w}"
        case [[[deep]]]:
            return f"deep={deep}"
        case [(1 | 2) as small, *_]:
            return f"starts small {small}"
        case [str() as s, int() as i]:
            return f"str {s} int {i}"
        case (a, b, c) if a + b == c:
            return f"sum {a}+{b}={c}"
    return "no match"


for v in [[(1, 2), [3]], [(1, 2), [3, 4, 5]], [[[9]]], [2, 0], ["k", 5], (1, 2, 3), (1, 2, 4), [["x"]]]:
    print(v, "->", nested(v))


class MyList(list):
    pass


match MyList([1, 2]):
    case [a, b]:
        print("list subclass matches", a, b)

total = 0
for item in [[i, i + 1] for i in range(200)] + [[1, 2, 3]] * 50:
    match item:
        case [p, q]:
            total += p * q
        case [p, *rest]:
            total -= len(rest)
print(total)
