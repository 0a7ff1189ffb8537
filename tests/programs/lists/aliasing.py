# tests: list of lists aliasing, copy vs alias, mutation through aliases, shallow copy
row = [0, 0]
m = [row, row]
m[0][1] = 5
print(m, m[0] is m[1])
a = [1, [2, 3]]
b = a
c = a.copy()
d = a[:]
e = list(a)
a[0] = 99
a[1].append(4)
print(a, b, c, d, e)
print(c[1] is a[1], c is a)
def mutate(lst):
    lst.append("m")
    lst = ["new"]
    lst.append("x")
    return lst
orig = [1]
res = mutate(orig)
print(orig, res)
x = [1, 2, 3]
x.append(x)
print(len(x), x[3] is x)
print(x)
