# tests: and/or/not returning operands, short-circuit, is / in
print(1 and 2)
print(0 and 2)
print(1 or 2)
print(0 or 2)
print("" or "default")
print([] and "x")
print(None or 0 or "" or [] or "last")
print(1 and 2 and 3)
print(1 and 0 and 3)
print(not [], not [1], not 0, not "a")
calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) and t(1)
print(r, calls)
calls.clear()
r = t(5) or t(6)
print(r, calls)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(2 in a, 3 in a, 3 not in a)
print("ell" in "hello", "z" not in "hello")
print(1 in {1: 'x'}, 'x' in {1: 'x'})
