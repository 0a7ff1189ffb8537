# tests: match with literal, singleton, capture, wildcard, or-patterns, guards, and value patterns (dotted names)
import math


class Color:
    RED = "red"
    GREEN = "green"


def describe(value):
    match value:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small int"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello" | "hi":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case Color.RED:
            return "the colour red"
        case math.pi:
            return "pi"
        case int(n) if n > 100:
            return f"big int {n}"
        case int(n) if n < 0:
            return f"negative {n}"
        case str(s) if len(s) > 5:
            return f"long string {s!r}"
        case other:
            return f"something else: {other!r}"


for v in [0, 1, 3, -1, 1.5, "hi", "hello", True, False, None, "red", math.pi, 1000, -7, "a long string", "short", 42, 2.0, 1.0, [1]]:
    print(repr(v), "->", describe(v))

# match at module level binds module globals
match [10, 20]:
    case [a, b]:
        print("module level", a, b, a + b)
print(a, b)

count = 0
for i in range(300):
    match i % 5:
        case 0:
            count += 100
        case 1 | 2:
            count += 1
        case x if x == 3:
            count += 10
        case _:
            count -= 1
print(count)

match 5:
    case 6:
        print("no")
print("no case matched is fine")


def guard_order(x):
    log = []
    match x:
        case [a, b] if log.append("guard1") or a > b:
            log.append("case1")
        case [a, b] if log.append("guard2") or a == b:
            log.append("case2")
        case _:
            log.append("default")
    return log


print(guard_order([2, 1]), guard_order([1, 1]), guard_order([0, 1]), guard_order("ab"))
