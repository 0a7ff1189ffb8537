# tests: with statements interacting with generators, loops and exceptions: managers around yields, exceptions raised inside with in loops with continue/break, __exit__ seeing exception types, return values through with
class Log:
    entries = []
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        Log.entries.append(f"+{self.tag}")
        return self
    def __exit__(self, et, ev, tb):
        Log.entries.append(f"-{self.tag}:{et.__name__ if et else 'ok'}")
        return et is KeyError

def producer():
    for i in range(4):
        with Log(f"p{i}"):
            yield i

gen = producer()
for v in gen:
    if v == 2:
        break
print(Log.entries)
gen.close()
print(Log.entries)
Log.entries.clear()

def handled_in_loop():
    results = []
    for i in range(5):
        with Log(f"l{i}"):
            if i == 1:
                continue
            if i == 2:
                raise KeyError(i)
            if i == 4:
                break
            results.append(i)
    return results
print(handled_in_loop(), Log.entries)
Log.entries.clear()

def returns_through():
    with Log("r") as lg:
        with Log("inner"):
            return lg.tag * 2
print(returns_through(), Log.entries)
Log.entries.clear()

try:
    with Log("outer"):
        with Log("mid"):
            raise ValueError("propagates")
except ValueError as e:
    print("caught", e, Log.entries)
Log.entries.clear()

g = producer()
print(next(g), Log.entries)
g.close()
print(Log.entries)
Log.entries.clear()

def gen_with_exception():
    with Log("g"):
        yield "first"
        raise KeyError("swallowed by Log")
    yield "after with"
print(list(gen_with_exception()), Log.entries)
