# tests: common __new__ patterns on builtin subclasses: enum-like str values, int flags, validated floats, path-like str, version tuples
class Color(str):
    def __new__(cls, value, label):
        obj = super().__new__(cls, value)
        obj.label = label
        return obj
    def __repr__(self):
        return f"<Color {str(self)} {self.label}>"
red = Color("red", "Red!")
print(red, repr(red), red.label, red == "red", red.upper(), len(red), red + "dish", f"{red:>6}|", [red])
class Flag(int):
    def __new__(cls, value, name):
        self = int.__new__(cls, value)
        self._name = name
        return self
    def __str__(self):
        return self._name
    def __or__(self, other):
        return Flag(int(self) | int(other), f"{self}|{other}")
A = Flag(1, "A"); B = Flag(2, "B")
print(A, B, A | B, int(A | B), repr(A), A + B, A == 1, hash(A) == 1, sorted([B, A]), bool(Flag(0, "zero")))
class Celsius(float):
    def __new__(cls, degrees):
        if degrees < -273.15:
            raise ValueError("below absolute zero")
        return super().__new__(cls, degrees)
    def __add__(self, other):
        return Celsius(float(self) + float(other))
c = Celsius(20.5)
print(c, c + 1, type(c + 1).__name__, 1 + c, type(1 + c).__name__, c * 2)
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)
class Path(str):
    def __truediv__(self, other):
        return Path(self + "/" + other)
print(Path("a") / "b" / "c", type(Path("a") / "b").__name__)
class Version(tuple):
    def __new__(cls, text):
        return super().__new__(cls, (int(p) for p in text.split(".")))
    def __str__(self):
        return ".".join(map(str, self))
v1, v2 = Version("1.2.10"), Version("1.10")
print(v1, v2, v1 < v2, max(v1, v2), sorted([v2, v1]), repr(v1))
