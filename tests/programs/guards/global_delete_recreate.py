# tests: a global deleted then re-created mid-loop (NameError caught), and globals() dict writes/pops that bypass STORE_GLOBAL
counter = 0
def read():
    return counter

ok = 0
errors = []
for i in range(300):
    if i == 100:
        del counter
    if i == 150:
        counter = "back"
    if i == 200:
        globals()["counter"] = 2 ** 70
    if i == 250:
        globals().pop("counter")
    if i == 270:
        globals()["counter"] = 7.5
    try:
        v = read()
        ok += 1
    except NameError:
        errors.append(i)
        continue
    if i in (99, 150, 200, 270, 299):
        print(i, repr(v))
print("ok", ok, "errors", len(errors), errors[0], errors[-1])

def uses_helper(x):
    return helper(x) + 1

res = []
for i in range(180):
    if i == 60:
        def helper(x):
            return x * 2
    if i == 120:
        del helper
    if i == 150:
        globals()["helper"] = abs
    try:
        res.append(uses_helper(-i))
    except NameError as e:
        res.append("NE")
print(res[58:62], res[118:122], res[148:152], res[-1])
