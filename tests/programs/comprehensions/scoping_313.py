# tests: comprehension scoping in 3.13 (inlined comprehensions keep their own iteration variables), class-body comprehensions, walrus in comprehensions
x = "outer x"
squares = [x * x for x in range(5)]
print(squares, x)

i = "keep"
pairs = {i: i * 2 for i in range(3)}
print(pairs, i)

def f():
    y = "local y"
    vals = [y for y in "ab"]
    return vals, y
print(f())

def closure_in_comp():
    fns = [lambda: n for n in range(3)]
    return [fn() for fn in fns]
print(closure_in_comp())

def walrus():
    data = [3, 8, 1, 9]
    big = [last := v for v in data if v > 2]
    return big, last
print(walrus())

total = 0
running = [total := total + v for v in range(5)]
print(running, total)

class Config:
    base = 10
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    try:
        shifted = [v + base for v in values]
    except NameError as e:
        shifted = f"NameError: {e}"
print(Config.doubled, Config.shifted)

matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], [v for row in matrix for v in row if v % 2])
transposed = [[row[c] for row in matrix] for c in range(3)]
print(transposed)
print({v % 4 for v in range(10)}, {k: [c for c in k] for k in ("ab", "c")})

def uses_enclosing():
    factor = 3
    return [v * factor for v in range(4)]
print(uses_enclosing())

def nonlocal_in_comp():
    count = 0
    def bump(v):
        nonlocal count
        count += 1
        return v
    out = [bump(v) for v in range(5) if v % 2 == 0]
    return out, count
print(nonlocal_in_comp())

try:
    [undefined_name_here for _ in range(1)]
except NameError as e:
    print("NameError:", e)

def shadow_arg(v):
    return [v for v in range(v)]
print(shadow_arg(4))

print([(a, b) for a in range(3) if a for b in range(a) if b != 1])
gen_var = "g"
gen = (gen_var for gen_var in "xy")
print(list(gen), gen_var)
print([[j for j in range(i)] for i in range(4)])
