# tests: keyword-only and positional-only parameters, default evaluation time, mutable default sharing, argument errors
def f(a, b=2, /, c=3, *, d, e=5, **kw):
    return (a, b, c, d, e, kw)

print(f(1, d=4))
print(f(1, 20, 30, d=40, e=50, z=9))
print(f(1, c=7, d=8))
for call in [lambda: f(d=1), lambda: f(1, 2, 3, 4), lambda: f(1), lambda: f(1, b=2, d=3),
             lambda: f(1, d=1, c=2, **{"c": 3})]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def kw_only(*, key, reverse=False):
    return key, reverse
print(kw_only(key=1), kw_only(reverse=True, key=2))
try:
    kw_only(1)
except TypeError as e:
    print("TypeError:", e)

def varargs(first, *rest, last="L"):
    return first, rest, last
print(varargs(1), varargs(1, 2, 3), varargs(1, 2, last=3), varargs(*"abc"))

counter = 0
def next_id():
    global counter
    counter += 1
    return counter

def stamped(v, stamp=next_id()):
    return v, stamp
print(stamped("a"), stamped("b"), counter)

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)

def safe_append(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(safe_append(1), safe_append(2))

def defaults_info(a, b=1, *args, c, d=2, **kw):
    pass
print(defaults_info.__defaults__, defaults_info.__kwdefaults__)
print(defaults_info.__code__.co_argcount, defaults_info.__code__.co_kwonlyargcount)

def change_defaults(x=1):
    return x
change_defaults.__defaults__ = (99,)
print(change_defaults())

def everything(*args, **kwargs):
    return args, sorted(kwargs.items())
print(everything(1, *[2, 3], x=1, **{"y": 2}, z=3))
try:
    everything(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    everything(x=1, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)

def pos_only(a, b, /):
    return a - b
print(pos_only(5, 3))
try:
    pos_only(a=5, b=3)
except TypeError as e:
    print("TypeError:", e)

def kwargs_name_clash(a, **kw):
    return a, kw
print(kwargs_name_clash(1, b=2), kwargs_name_clash(a=1, c=3))

lam = lambda x, *, y=2: x * y
print(lam(3), lam(3, y=4))
try:
    lam()
except TypeError as e:
    print("TypeError:", e)
