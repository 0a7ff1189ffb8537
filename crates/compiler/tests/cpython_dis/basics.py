def w(i, n):
    while i < n:
        i += 1
    return i
def f(xs):
    t = 0
    for x in xs:
        if x:
            t += x
        else:
            break
    return t
def g(a):
    try:
        a()
    except ValueError as e:
        return e
    finally:
        print(a)
def h(xs):
    return [x*2 for x in xs if x]
