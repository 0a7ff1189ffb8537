# tests: same name local in different functions, recursion has separate frames, global read in hot call
value = 100
def a():
    value = 1
    return value
def b():
    return value
def rec(n):
    local = n
    if n > 0:
        rec(n - 1)
    return local
print(a(), b(), rec(5))
def count_to(n):
    total = 0
    for i in range(n):
        total += value
    return total
print(count_to(10))
