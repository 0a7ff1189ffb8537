# tests: None identity, comparison, truthiness, repr, default return value
x = None
print(x)
print(x is None, x is not None, x == None)
print(repr(None), str(None))
print(not None)
def f():
    pass
print(f())
def g():
    return
print(g() is None)
y = None or "fallback"
print(y)
print(None and 1)
print([None, None].count(None))
print(type(None).__name__)
d = {None: "none-key"}
print(d[None])
