def f(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2:
            return "small"
        case [a, b]:
            return f"pair {a} {b}"
        case [first, *rest]:
            return f"first {first} rest {rest}"
        case {"k": v, **others}:
            return f"k={v} others={others}"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(px, py) if px == py:
            return f"diag {px}"
        case str() as s:
            return "str " + s
        case None:
            return "none"
        case (1, _) | (_, 1):
            return "has one"
        case [_, *_, last]:
            return f"last {last}"
        case _:
            return "other"

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x; self.y = y

for v in [0, 1, 2, [3, 4], [5, 6, 7], {"k": 1, "z": 2}, Point(0, 5), Point(3, 3), Point(1, 2), "hi", None, (1, 9), (2, 3, 4), 3.5]:
    print(f(v))
def classify(v):
    match v:
        case (x, 1) | (1, x):
            return f"pair with a one, other {x}"
        case [x, y] | {"x": x, "y": y}:
            return f"xy {x} {y}"
        case {"a": a, "b": b} | {"b": b, "a": a}:
            return f"ab {a} {b}"
        case [(0 | 1) as bit, *bits] if all(b in (0, 1) for b in bits):
            return f"bits starting {bit}: {bits}"
        case ([a, b] | (a, b, _)) as whole:
            return f"whole {whole} a={a} b={b}"
        case (str() | float()) as text:
            return f"text {text!r}"
        case _:
            return "nothing"
def swapped(v):
    match v:
        case (a, b, "ab") | (b, a, "ba"):
            return a, b
    return None
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
match [10, 20]:
    case [a, b]:
        print(a, b)
    case {"k": 1, **rest}:
        print(rest)
    case _:
        pass
