# tests: shadowing builtins locally and globally, then restoring via del
def local_shadow():
    len = lambda x: -1
    return len("abc")
print(local_shadow(), len("abc"))
max = min
print(max(3, 7))
del max
print(max(3, 7))
def uses_sum(xs):
    return sum(xs)
sum = lambda xs: "shadowed"
print(uses_sum([1, 2]))
del sum
print(uses_sum([1, 2]))
