# tests: syntax error: keyword argument repeated
def f(**kw):
    return kw
print(f(a=1, a=2))
