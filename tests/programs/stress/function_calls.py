# tests: many small function calls in a hot loop (50000 calls), with defaults and closures
def add(a, b=1):
    return a + b
def make_scale(k):
    def scale(x):
        return x * k
    return scale
scale3 = make_scale(3)
acc = 0
for i in range(25000):
    acc = add(acc, i % 10)
    acc = scale3(acc) % 1000003
print(acc)
