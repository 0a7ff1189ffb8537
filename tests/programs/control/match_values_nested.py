# tests: match value patterns (negative, float, hex, concatenated strings, 0 vs False) and deeply nested sequence/mapping patterns
def f(v):
    match v:
        case -1.5:
            return "neg float"
        case 1e3:
            return "thousand"
        case "a" "b":
            return "concat"
        case 0x10:
            return "sixteen"
        case -0:
            return "zero"
        case True | False:
            return "bool"
        case [1, [2, [3, *rest]]]:
            return f"deep {rest}"
        case {"a": {"b": [x, *_]}}:
            return f"nested mapping {x}"
        case (1 | 2, 3 | 4) as pair:
            return f"pair {pair}"
    return "none"
for v in [-1.5, 1000, 1000.0, "ab", 16, 0, 0.0, False, [1, [2, [3, 4, 5]]], {"a": {"b": [9, 8]}}, (2, 4), (2, 5)]:
    print(repr(v), f(v))
