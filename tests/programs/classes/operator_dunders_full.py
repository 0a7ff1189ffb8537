# tests: arithmetic dunders, reflected operators, in-place fallbacks, NotImplemented handling and TypeError messages
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd with", other)
        return self.__add__(other)
    def __sub__(self, other):
        if isinstance(other, Money):
            return Money(self.cents - other.cents)
        return NotImplemented
    def __rsub__(self, other):
        return Money(other - self.cents)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Money(round(self.cents * k))
        return NotImplemented
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Money(self.cents // k)
    def __floordiv__(self, other):
        return self.cents // other.cents
    def __mod__(self, k):
        return Money(self.cents % k)
    def __divmod__(self, k):
        return divmod(self.cents, k)
    def __pow__(self, k, mod=None):
        return ("pow", k, mod)
    def __rpow__(self, base):
        return ("rpow", base)
    def __neg__(self):
        return Money(-self.cents)
    def __pos__(self):
        return Money(abs(self.cents))
    def __abs__(self):
        return Money(abs(self.cents))
    def __invert__(self):
        return "inverted"
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, n):
        return Money(self.cents << n)
    def __rshift__(self, n):
        return Money(self.cents >> n)
    def __rlshift__(self, n):
        return "rlshift"
    def __matmul__(self, o):
        return "matmul"

a, b = Money(150), Money(275)
print(a + b, a + 5, 5 + a, a - b, 1000 - a, a * 3, 2 * a, a * 1.5)
print(a / 4, b // a, b % 100, divmod(b, 100), a ** 2, pow(a, 2, 7), 2 ** a)
print(-a, +Money(-3), abs(Money(-9)), ~a, a & 1, a | 1, a ^ 1, a << 2, a >> 1, 3 << a, a @ a)
print(sum([a, b, Money(1)]))

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __isub__(self, x):
        self.items.remove(x)
        return self
    def __imul__(self, k):
        self.items = self.items * k
        return self
    def __repr__(self):
        return f"Acc{self.items}"

acc = Acc()
alias = acc
acc += 1
acc += 2
acc -= 1
acc *= 3
print(acc, alias is acc)

m = Money(10)
old = m
m += 5
print(m, old, m is old)
m *= 2
print(m)

for expr in [lambda: a - 'x', lambda: 'x' * a, lambda: a @ 1 @ [], lambda: a < b,
             lambda: [] + a, lambda: a ** 'x', lambda: ~Acc()]:
    try:
        print(expr())
    except TypeError as e:
        print("TypeError:", e)

class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    Vec(1) + Vec(2)
except TypeError as e:
    print("TypeError:", e)
try:
    v = Vec(1)
    v += 3
except TypeError as e:
    print("TypeError:", e)
