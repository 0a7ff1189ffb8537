# tests: RecursionError from unbounded recursion caught with except RecursionError; program continues
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion overflowed")
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
print(issubclass(RecursionError, RuntimeError))
