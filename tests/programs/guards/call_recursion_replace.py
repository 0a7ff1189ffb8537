# tests: recursive functions whose global name is rebound mid-loop (recursive calls then reach the new function), and mutual recursion with one side replaced
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

orig_fib = fib
out = []
for i in range(120):
    if i == 60:
        def fib(n):
            return 1
    if i == 90:
        fib = orig_fib
    out.append(orig_fib(12))
print(out[59], out[60], out[89], out[90], sum(out))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

res = []
for i in range(150):
    if i == 100:
        def is_odd(n):
            return "short"
    res.append(is_even(i % 40 + 1))
print(res[:4], res[98:102], res.count(True), res.count("short"))

def depth(n, acc):
    if n == 0:
        return acc
    return depth(n - 1, acc + n)

tot = 0
for i in range(60):
    tot += depth(i + 100, 0)
    if i == 30:
        tot += depth(5, 0.5)
print(tot)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(25), [fact(k) for k in range(60) if k % 20 == 0])
