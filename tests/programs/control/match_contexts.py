# tests: match in a class body, a generator, a closure, try/finally, and loops with break/continue
class Config:
    data = {"mode": "fast", "level": 3}
    match data:
        case {"mode": mode, "level": int(level)}:
            summary = f"{mode}:{level}"
        case _:
            summary = "none"
print(Config.summary, Config.mode, Config.level)

def gen(items):
    for item in items:
        match item:
            case (k, v):
                yield f"{k}={v}"
            case str(s):
                yield s.upper()

print(list(gen([("a", 1), "b", 3, ("c", 2)])))

def outer(v):
    match v:
        case [x, *rest]:
            def inner():
                return x, rest
            return inner()
    return None

print(outer([1, 2, 3]), outer([]))

def with_try(v):
    try:
        match v:
            case {"k": k}:
                return k
            case _:
                raise KeyError(v)
    except KeyError as e:
        return f"missing {e}"
    finally:
        print("finally")

print(with_try({"k": 1}), with_try({}))
for n in range(3):
    match n:
        case 0:
            continue
        case 1:
            print("one")
        case _:
            break
while True:
    match "stop":
        case "stop":
            break
print("done")
