# tests: dispatch without match: dict of functions, getattr-based dispatch, if/elif chains, while/else and for/else searches, loop-and-a-half patterns
def op_add(a, b): return a + b
def op_sub(a, b): return a - b
def op_mul(a, b): return a * b
def op_div(a, b):
    if b == 0:
        raise ZeroDivisionError("division by zero in calculator")
    return a / b
OPS = {"+": op_add, "-": op_sub, "*": op_mul, "/": op_div}

def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in OPS:
            b, a = stack.pop(), stack.pop()
            stack.append(OPS[tok](a, b))
        else:
            stack.append(float(tok) if "." in tok else int(tok))
    if len(stack) != 1:
        raise ValueError(f"bad expression: {expr!r}")
    return stack[0]

for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "1 0 /", "1 2", "7 2 /"]:
    try:
        print(e, "=", rpn(e))
    except (ZeroDivisionError, ValueError, IndexError) as err:
        print(e, "->", type(err).__name__, err)

class Machine:
    def __init__(self):
        self.state = "idle"
        self.history = []
    def handle(self, event):
        method = getattr(self, f"on_{self.state}_{event}", None)
        if method is None:
            self.history.append(f"ignored {event} in {self.state}")
            return
        self.state = method()
        self.history.append(self.state)
    def on_idle_start(self): return "running"
    def on_running_pause(self): return "paused"
    def on_paused_start(self): return "running"
    def on_running_stop(self): return "idle"

m = Machine()
for ev in ["start", "pause", "stop", "start", "start", "stop"]:
    m.handle(ev)
print(m.state, m.history)

def find_first(items, pred):
    for i, x in enumerate(items):
        if pred(x):
            break
    else:
        return None
    return i, x
print(find_first([3, 8, 5], lambda v: v > 4), find_first([1], lambda v: v > 4))

n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
else:
    print("collatz steps", steps)

def classify(x):
    if isinstance(x, bool):
        return "bool"
    elif isinstance(x, int) and x < 0:
        return "negative int"
    elif isinstance(x, int):
        return "int"
    elif isinstance(x, str) and not x:
        return "empty str"
    elif isinstance(x, (list, tuple)):
        return f"sequence of {len(x)}"
    else:
        return type(x).__name__
print([classify(v) for v in [True, -3, 7, "", "a", [1], (), 2.5, None]])

tokens = iter(["a", "b", "", "c"])
collected = []
while (tok := next(tokens, None)) is not None:
    if not tok:
        continue
    collected.append(tok)
print(collected)
