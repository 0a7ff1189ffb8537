# tests: comprehension has its own scope; can read enclosing function locals and class-free globals
g = 3
def f():
    k = 10
    return [x * k + g for x in range(3)]
print(f())
def nested():
    base = [1, 2]
    return [[a + b for b in base] for a in base]
print(nested())
x = "global-x"
def shadow():
    x = "local-x"
    return [x for _ in range(2)]
print(shadow(), x)
print({k: [k * i for i in range(2)] for k in range(3)})
