# tests: staticmethod, classmethod and property: access through class and instance, setters, deleters, read-only errors
class Temperature:
    scale = "C"
    instances = 0

    def __init__(self, celsius=0.0):
        self._c = celsius
        Temperature.instances += 1

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}, {cls.instances} made"

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
print(Temperature.c_to_f(10), t.c_to_f(20))
u = Temperature.from_f(212)
print(type(u).__name__, u.celsius)
print(Temperature.describe(), t.describe())
print(type(Temperature.__dict__["c_to_f"]).__name__, type(Temperature.__dict__["from_f"]).__name__)
print(type(Temperature.__dict__["celsius"]).__name__)
print(isinstance(Temperature.celsius, property))

class Kelvin(Temperature):
    scale = "K"
    @property
    def celsius(self):
        return "overridden"

k = Kelvin.from_f(32)
print(type(k).__name__, k.celsius, Kelvin.describe())
try:
    k.celsius = 5
except AttributeError as e:
    print("AttributeError:", e)

class Lazy:
    def __init__(self):
        self.calls = 0
    def compute(self):
        self.calls += 1
        return 42
    value = property(compute)
    sm = staticmethod(lambda x: x * 2)
    cm = classmethod(lambda cls, x: (cls.__name__, x))

z = Lazy()
print(z.value, z.value, z.calls, Lazy.sm(4), z.sm(5), Lazy.cm(6), z.cm(7))
