# tests: numeric conversion protocols: __int__, __float__, __index__ (in slicing, range, bin/hex), __round__, __abs__, __format__, __complex__-free numbers, comparisons between user numbers and ints
class Fixed:
    SCALE = 100
    def __init__(self, raw):
        self.raw = raw
    @classmethod
    def of(cls, x):
        return cls(round(x * cls.SCALE))
    def __float__(self):
        return self.raw / self.SCALE
    def __int__(self):
        return self.raw // self.SCALE
    def __index__(self):
        return int(self)
    def __round__(self, ndigits=None):
        if ndigits is None:
            return round(float(self))
        return Fixed.of(round(float(self), ndigits))
    def __abs__(self):
        return Fixed(abs(self.raw))
    def __format__(self, spec):
        if spec.endswith("m"):
            return f"${float(self):,.2f}"
        return format(float(self), spec)
    def __repr__(self):
        return f"Fixed({float(self)})"
    def __eq__(self, other):
        if isinstance(other, Fixed):
            return self.raw == other.raw
        if isinstance(other, (int, float)):
            return float(self) == other
        return NotImplemented
    def __lt__(self, other):
        return float(self) < float(other)
    __hash__ = None

f = Fixed.of(12.345)
print(f, float(f), int(f), round(f), round(f, 1), abs(Fixed.of(-3.5)))
print(f"{f:.1f}", f"{f:m}", format(Fixed.of(1234567.891), "m"), "{:>10.3f}|".format(f))
print(list(range(f)), "abcdefghijklmnop"[Fixed(300):f], bin(f), hex(Fixed(25500)), oct(f))
print([10, 20, 30][Fixed(100)], f == 12.35, f == Fixed(1235), f < 13, sorted([Fixed(5), Fixed(1), Fixed(3)]))
print(max(Fixed(5), Fixed(9)), min([Fixed(7), Fixed(2)]), sum([1, 2], 0) + int(f))
try:
    hash(f)
except TypeError as e:
    print("TypeError:", e)

class NoIndex:
    def __int__(self):
        return 3
try:
    [1, 2, 3, 4][NoIndex()]
except TypeError as e:
    print("TypeError:", e)
print(int(NoIndex()))
try:
    range(NoIndex())
except TypeError as e:
    print("TypeError:", e)

class BadInt:
    def __int__(self):
        return "seven"
try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)

class BadFloat:
    def __float__(self):
        return 1
try:
    float(BadFloat())
except TypeError as e:
    print("TypeError:", e)

class Celsius:
    def __init__(self, deg):
        self.deg = deg
    def __format__(self, spec):
        unit = spec[-1] if spec and spec[-1] in "CF" else "C"
        body = spec[:-1] if spec and spec[-1] in "CF" else spec
        value = self.deg if unit == "C" else self.deg * 9 / 5 + 32
        return format(value, body or ".1f") + "°" + unit
t = Celsius(21.5)
print(f"{t}", f"{t:F}", f"{t:.3C}", format(t, "8.2F"), "{0} / {0:F}".format(t))
