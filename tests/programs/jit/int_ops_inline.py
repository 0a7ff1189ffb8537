# Generic BINARY_OP on small ints inside hot loops: &, |, ^, %, //, >> and their
# in-place forms, with negative operands, the payload limits (2**47), big shifts, and
# the cases that must leave the fast path (zero divisors, negative shifts, overflow).
def mix(n):
    acc = 0
    for i in range(-n, n):
        a = i * 7919
        b = (i % 13) - 6
        acc ^= a & 0xFFFF
        acc |= (a >> 3) & 7
        acc += a % 97 - a // 11
        if b != 0:
            acc += a % b + a // b
        acc += (a >> (i % 70)) if i >= 0 else (a >> 5)
        x = a
        x &= 0xFFF
        x |= 1
        x ^= 0x55
        x %= 1000
        x //= 3
        x >>= 1
        acc += x
    return acc


print(mix(2000))

limit = 2 ** 47
vals = [limit - 1, -limit, -limit + 1, 12345678901, -98765432109, 3, -3, 1, -1]
out = []
for p in vals:
    for q in vals:
        out.append((p & q, p | q, p ^ q, p % q, p // q, p >> (abs(q) % 80)))
print(len(out), sum(sum(t) for t in out))
print(-limit // -1, -limit % -1, (limit - 1) // -1)


def divide_all(values, d):
    total = 0
    for v in values:
        total += v // d + v % d
    return total


print(divide_all(list(range(-500, 500)), 7))
try:
    divide_all(list(range(100)), 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def shifts(values, s):
    total = 0
    for v in values:
        total += v >> s
    return total


print(shifts(list(range(-300, 300)), 2), shifts(list(range(-300, 300)), 200))
try:
    shifts(list(range(10)), -1)
except ValueError as e:
    print("ValueError:", e)


def bools_and_ints(n):
    t = 0
    for i in range(n):
        t += (i & 1) + (True & i) + (i | False)
    return t


print(bools_and_ints(500))
