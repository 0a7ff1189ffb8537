# tests: moderately deep recursion (under the default limit) works
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(900))
def sum_list(xs, i=0):
    if i == len(xs):
        return 0
    return xs[i] + sum_list(xs, i + 1)
print(sum_list(list(range(500))))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(2 ** 40 * 3 ** 5, 2 ** 35 * 3 ** 9 * 7), gcd(17, 5))
