# tests: closures see the latest value of captured variables (late binding), cells shared
def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return fs
print([f() for f in make()])
def shared():
    v = 0
    def get():
        return v
    def set_(n):
        nonlocal v
        v = n
    return get, set_
g, s = shared()
print(g()); s(42); print(g())
def outer():
    msg = "first"
    def show():
        return msg
    msg = "second"
    return show
print(outer()())
