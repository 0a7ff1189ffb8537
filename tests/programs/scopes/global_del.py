# tests: global declarations, del of locals/globals/attributes/items/slices, NameError after del, rebinding after del
total = 0

def add(n):
    global total
    total += n
    return total

print(add(5), add(7), total)

def make_global():
    global created
    created = "made inside"
make_global()
print(created)

def del_global():
    global created
    del created
del_global()
try:
    print(created)
except NameError as e:
    print("NameError:", e)

a = 1
del a
try:
    a
except NameError as e:
    print("NameError:", e)
a = 2
print(a)

def local_del():
    x = [1, 2, 3]
    y = x
    del x
    try:
        return x
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    return y
print(local_del())

nums = list(range(10))
del nums[0]
del nums[-1]
del nums[1:3]
del nums[::2]
print(nums)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)

class Box:
    pass
b = Box()
b.v = 1
b.w = 2
del b.v
print(hasattr(b, "v"), b.w)
try:
    del b.v
except AttributeError as e:
    print("AttributeError:", e)

x, y, z = 1, 2, 3
del x, y
print(z, "x" in globals(), "z" in globals())

def nested_global():
    def inner():
        global g_counter
        g_counter = g_counter + 1 if "g_counter" in globals() else 1
    for _ in range(3):
        inner()
nested_global()
print(g_counter)

def loop_del():
    out = []
    for i in range(3):
        tmp = i * 2
        out.append(tmp)
        del tmp
    return out
print(loop_del())

lst = [[1, 2], [3, 4]]
del lst[0][1], lst[1]
print(lst)

def del_param(p):
    del p
    p = "rebound"
    return p
print(del_param(1))

try:
    del undefined_name
except NameError as e:
    print("NameError:", e)
