def count(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        elif i > 10:
            break
        else:
            continue
    return total

def spin(n):
    i = 0
    while i < n:
        i += 1
        if i == 5:
            break
    else:
        i = -1
    return i

def nested(m):
    out = []
    for row in m:
        for x in row:
            out.append(x)
    return out

def comps(xs):
    return [x * 2 for x in xs if x], {x: x for x in xs}, {x for x in xs}, list(x for x in xs)
