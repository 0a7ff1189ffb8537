# tests: a global rebound inside a hot loop (value and type), read by a called function
scale = 2
def f(x):
    return x * scale
total = 0
for i in range(5000):
    if i == 2500:
        scale = 3
    if i == 4000:
        scale = 0.5
    total += f(i)
print(total)
def g():
    return helper(10)
def helper(n):
    return n + 1
results = []
for i in range(6):
    if i == 3:
        def helper(n):
            return n * 100
    results.append(g())
print(results)
