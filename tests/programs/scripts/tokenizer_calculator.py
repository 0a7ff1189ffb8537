# tests: an ordinary interpreter script: a tokenizer generator, a recursive-descent parser building tuples, an evaluator with variables and functions, error reporting with custom exceptions
import math

class CalcError(Exception):
    pass

def tokenize(src):
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield ("num", float(src[i:j]) if "." in src[i:j] else int(src[i:j]))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield ("name", src[i:j])
            i = j
        elif ch in "+-*/^(),=":
            yield ("op", ch)
            i += 1
        else:
            raise CalcError(f"unexpected character {ch!r} at {i}")
    yield ("end", None)

class Parser:
    def __init__(self, src):
        self.tokens = list(tokenize(src))
        self.pos = 0
    def peek(self):
        return self.tokens[self.pos]
    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if (kind and tok[0] != kind) or (value and tok[1] != value):
            raise CalcError(f"expected {value or kind}, got {tok[1]!r}")
        self.pos += 1
        return tok
    def statement(self):
        if self.peek()[0] == "name" and self.tokens[self.pos + 1] == ("op", "="):
            name = self.take("name")[1]
            self.take("op", "=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            node = (op, node, self.term())
        return node
    def term(self):
        node = self.power()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            node = (op, node, self.power())
        return node
    def power(self):
        node = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return ("^", node, self.power())
        return node
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.atom()
    def atom(self):
        kind, value = self.peek()
        if kind == "num":
            self.take()
            return ("num", value)
        if kind == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take()
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                return ("call", value, args)
            return ("var", value)
        if (kind, value) == ("op", "("):
            self.take()
            node = self.expr()
            self.take("op", ")")
            return node
        raise CalcError(f"unexpected token {value!r}")

FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs}
def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise CalcError(f"undefined variable {node[1]}")
        return env[node[1]]
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "call":
        return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    if kind == "/" and b == 0:
        raise CalcError("division by zero")
    return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else 0, "^": a ** b}[kind]

env = {"pi": 3.14159}
for line in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + -(2 * -3)", "x = 10", "y = x / 4", "max(x, y, 3) - min(2, y)",
             "sqrt(16) + abs(-2.5)", "r = 2", "pi * r ^ 2", "1 / (x - 10)", "z + 1", "3 $ 4", "(1 + 2", "7 7"]:
    try:
        tree = Parser(line).statement()
        print(f"{line:<26} => {evaluate(tree, env)}")
    except CalcError as e:
        print(f"{line:<26} !! {e}")
print(sorted(env.items()))
print(Parser("a = 1 + f(2, 3)").statement())
