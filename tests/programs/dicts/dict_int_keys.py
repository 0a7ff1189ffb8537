# tests: dicts with int keys incl. negative and big ints, memoization table
memo = {}
def fib(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print(fib(90))
print(len(memo), list(memo)[:5])
sq = {i: i * i for i in range(-3, 4)}
print(sq, sq[-3])
big = {2 ** 64: "a", -(2 ** 64): "b", 2 ** 64 + 1: "c"}
print(big[2 ** 64], big)
