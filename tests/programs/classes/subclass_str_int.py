# tests: subclassing str, int and float: values, methods, operators, formatting, hashing
class Name(str):
    def greet(self):
        return "hello " + self

    def __repr__(self):
        return f"Name({str.__repr__(self)})"


n = Name("ada")
print(n, repr(n), str(n), n.greet(), n.upper(), n.title(), len(n), n[0], n[1:], n * 2)
print(n == "ada", "ada" == n, n + "!", "!" + n, n < "b", f"[{n}]", f"[{n:>6}]", "%s" % n, isinstance(n, str))
print({"ada": 1}[n], {n: 2}["ada"], hash(n) == hash("ada"), n in "xadax", "d" in n, list(n), sorted(n))
print(", ".join([str(n), "b"]), n.split("d"), n.replace("a", "A"), n.startswith("a"), n.find("d"))


class Shout(str):
    def __str__(self):
        return self.upper() + "!"


sh = Shout("hey")
print(sh, str(sh), repr(sh), f"{sh}", [sh])


class Money(int):
    def __repr__(self):
        return f"${int(self)}"

    def __add__(self, other):
        return Money(int(self) + int(other))


m = Money(5)
print(m, repr(m), m + 3, type(m + 3).__name__, 3 + m, type(3 + m).__name__, m * 2, m - 1, -m, m // 2, m % 3, m ** 2)
print(m == 5, m > 4, m < 4, int(m), float(m), bool(Money(0)), hash(m) == hash(5), isinstance(m, int))
print(f"{m:04d}", f"{m:x}", "%d" % m, [1, 2, 3, 4, 5, 6][m], list(range(m)), abs(Money(-2)), m.bit_length())


class Bits(int):
    pass


b = Bits(10)
print(b, repr(b), b & 3, b | 1, b << 2, ~b, b.bit_count(), Bits("ff", 16), Bits())


class Temperature(float):
    def __new__(cls, celsius):
        return super().__new__(cls, celsius)

    def fahrenheit(self):
        return self * 9 / 5 + 32


t = Temperature(100)
print(t, repr(t), t.fahrenheit(), t + 1, t > 99.5, round(t), int(t), f"{t:.2f}", isinstance(t, float), t.is_integer())
