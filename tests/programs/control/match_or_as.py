# tests: or-patterns binding names in different orders, as-patterns, nested or-patterns, captures stored only on success
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


for v in [(5, 1), (1, 7), [2, 3], {"x": 1, "y": 2}, {"b": 2, "a": 1}, [1, 0, 1], [0, 2], (4, 5, 6), "s", 3.0]:
    print(v, "->", classify(v))


def swapped(v):
    match v:
        case (a, b, "ab") | (b, a, "ba"):
            return a, b
    return None


print(swapped((1, 2, "ab")), swapped((1, 2, "ba")), swapped((1, 2, "xx")))
name = "untouched"
match [1, 2, 3]:
    case [name, 0, _] | [_, name, 0]:
        print("no")
    case _:
        print("failed captures do not leak:", name)
match (1, (2, 3)):
    case (a, (b, c) as inner) as outer:
        print(a, b, c, inner, outer)
