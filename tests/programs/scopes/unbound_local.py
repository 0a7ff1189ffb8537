# tests: UnboundLocalError when a local shadows a global before assignment, messages
x = 10
def bad():
    print(x)
    x = 5
try:
    bad()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def bad2():
    y += 1
    y = 0
try:
    bad2()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def cond(flag):
    if flag:
        z = 1
    return z
print(cond(True))
try:
    cond(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def deleted():
    w = 1
    del w
    return w
try:
    deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(isinstance(UnboundLocalError("m"), NameError))
