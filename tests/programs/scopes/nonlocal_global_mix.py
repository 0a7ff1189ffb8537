# tests: mixing global and nonlocal across nesting levels, globals() and locals() contents, names assigned in only some branches, del of nonlocal-visible names, global declared in a nested function shadowing an enclosing local
level = "module"

def outer():
    level = "outer"
    def middle():
        nonlocal level
        level = "set by middle"
        def inner():
            global level
            level = "set by inner (global)"
            return level
        return inner()
    r = middle()
    return r, level
print(outer(), level)

def branchy(flag):
    if flag:
        value = "assigned"
    try:
        return value
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(branchy(True), branchy(False))

def locals_snapshot(a, b=2):
    c = a + b
    return sorted(locals().items())
print(locals_snapshot(1))
print("level" in globals(), globals()["level"], type(globals()).__name__)

def counter_family():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def dec():
        nonlocal count
        count -= 1
        return count
    def peek():
        return count
    return inc, dec, peek
inc, dec, peek = counter_family()
inc(); inc(); dec(); inc()
print(peek())

results = []
def make_global_list():
    global results
    results = results + ["appended"]
make_global_list()
make_global_list()
print(results)

def shadow_builtin():
    len = lambda x: "shadowed"
    return len([1, 2, 3])
print(shadow_builtin(), len([1, 2, 3]))

x = 0
def read_then_write():
    try:
        y = x + 1
        x = y
    except UnboundLocalError as e:
        return str(e)
print(read_then_write())
