# tests: unary ops, abs, negation of zero, int identity ops and mixed bool/int
x = 12
print(-x, +x, -(-x), ~x, ~~x)
print(abs(-0), -0, 0 * -1)
print(x * True, x + False)
print(divmod(-13, 4), divmod(13, -4), divmod(10 ** 25, 7))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7))
print(round(15, -1), round(25, -1), type(round(15, -1)).__name__)
print(max(3, 7, 2), min(3, 7, 2), sum([1, 2, 3]), sum([10 ** 20, 10 ** 20]))
