def g():
    try:
        yield 1
    except E:
        pass
    yield from x
def c(a):
    def inner():
        return a
    return inner
def w(m):
    with m as f:
        return f
