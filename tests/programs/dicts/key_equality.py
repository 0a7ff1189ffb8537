# tests: 1, 1.0 and True are one key; 0/False/0.0 likewise; tuples as keys
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
e = {True: "a", 1: "b", 1.0: "c"}
print(e)
f = {0: "zero", False: "false", 0.0: "float-zero", -0.0: "neg"}
print(f)
g = {(1, 2): "tuple", (1.0, 2.0): "tuple-float"}
print(g)
print(d[1.0], e[1], f[False], 1 in {True: 0})
h = {10 ** 20: "big", 1e20: "bigfloat"}
print(h)
