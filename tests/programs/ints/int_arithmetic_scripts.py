# tests: integer arithmetic in ordinary scripts: big integers, floor division and modulo signs, bit tricks, base conversion, digit manipulation, pow with modulus, int() parsing
print(2 ** 100, 3 ** 50 % 1000007, pow(3, 200, 10 ** 9 + 7), pow(2, -1, 7), pow(10, 20) // 7)
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5)]:
    print(a, b, a // b, a % b, divmod(a, b), -(-a // b))
n = 0b1011_0110
print(n, bin(n), n & -n, n & (n - 1), bin(n).count("1"), n.bit_length(), n >> 2, n << 3, ~n, n ^ 0xFF)
def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-42, 3), int("zz", 36), int("-0x1f", 16), int("0o17", 0), int(" 42 "))
print(int("1_000_000"), int("101", 2), int(3.99), int(-3.99), int(True), round(2.5), round(3.5), round(-2.5))
def digits(n):
    return [int(d) for d in str(n)]
def digital_root(n):
    while n >= 10:
        n = sum(digits(n))
    return n
print(digits(90210), digital_root(987654321), sum(digits(2 ** 1000)), len(str(2 ** 10000)))
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True
print([p for p in range(100) if is_prime(p)][-5:], is_prime(2 ** 31 - 1), is_prime(10 ** 9 + 9))
def factorize(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
print(factorize(360), factorize(2 ** 20 - 1), factorize(97), factorize(600851475143))
fact = 1
for i in range(1, 31):
    fact *= i
print(fact, fact.bit_length(), str(fact).count("0"), fact % (10 ** 9 + 7))
print(abs(-7), -7 // 2, -7 % 2, 7 // -2, 2 ** -1, 10 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2, int(1e18), 10 ** 18 == int(1e18))
for bad in ["12a", "", "0x10", "1.5"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print((12345678901234567890 * 98765432109876543210) % 1000000007, 123456789 ** 3, -(2 ** 64) // 3)
