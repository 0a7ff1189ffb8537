# tests: @staticmethod, @classmethod (incl. alternative constructors and inheritance), @property with setter/deleter, read-only property errors
class Temperature:
    instances = 0

    def __init__(self, celsius):
        self._celsius = celsius
        Temperature.instances += 1

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._celsius = 0

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def count(cls):
        return cls.instances


t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.convert(100), t.convert(0))
t.celsius = 30
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 10
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
u = Temperature.from_fahrenheit(212)
print(type(u).__name__, u.celsius, Temperature.count(), u.count())


class Scaled(Temperature):
    @classmethod
    def from_fahrenheit(cls, f):
        obj = super().from_fahrenheit(f)
        obj.scaled = True
        return obj


s = Scaled.from_fahrenheit(32)
print(type(s).__name__, s.celsius, s.scaled, isinstance(s, Temperature), Scaled.count())
total = 0.0
for i in range(200):
    t.celsius = i
    total += t.fahrenheit
print(total)
