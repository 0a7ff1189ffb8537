# tests: conditional expressions, nested, with side effects only on chosen branch
def sign(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"
for v in [-3, 0, 7]:
    print(v, sign(v))
log = []
def a():
    log.append("a")
    return 1
def b():
    log.append("b")
    return 2
r = a() if True else b()
print(r, log)
r = a() if 0 else b()
print(r, log)
print([("even" if i % 2 == 0 else "odd") for i in range(5)])
print((lambda q: q * 2 if q else -1)(0), (lambda q: q * 2 if q else -1)(4))
