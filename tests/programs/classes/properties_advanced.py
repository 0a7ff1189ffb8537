# tests: properties in inheritance (overriding getter only, extending via super), computed/cached properties, validation setters, properties on class access, deleter errors
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self._history = []

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f"balance must be a number, not {type(value).__name__}")
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._history.append(self._balance)
        self._balance = value

    @property
    def history(self):
        return tuple(self._history)

class Savings(Account):
    rate = 0.02

    @property
    def balance(self):
        return round(super().balance * (1 + self.rate), 2)

    @property
    def interest(self):
        return round(self.balance - self._balance, 2)

a = Account("ann", 100)
a.balance = 150
a.balance += 25
print(a.balance, a.history)
for bad in [-5, "lots"]:
    try:
        a.balance = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    del a.balance
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.history = ()
except AttributeError as e:
    print("AttributeError:", e)

s = Savings("sam", 1000)
print(s.balance, s.interest, s.history)
try:
    s.balance = 5
except AttributeError as e:
    print("AttributeError:", e)
print(type(Account.balance).__name__, Account.balance.fget.__name__, Account.balance.fset is not None, Savings.balance.fset)

class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def expensive(self):
        if "_cache" not in self.__dict__:
            self.computed += 1
            self._cache = sum(range(1000))
        return self._cache
z = Lazy()
print(z.expensive, z.expensive, z.computed)

class Temperature:
    def __init__(self):
        self._k = 0.0
    def _get_c(self):
        return self._k - 273.15
    def _set_c(self, v):
        self._k = v + 273.15
    def _del_c(self):
        print("reset")
        self._k = 0.0
    celsius = property(_get_c, _set_c, _del_c, "Temperature in Celsius")
t = Temperature()
t.celsius = 25
print(round(t.celsius, 2), round(t._k, 2), Temperature.celsius.__doc__)
del t.celsius
print(t._k)

class ReadOnlyPoint:
    def __init__(self, x, y):
        self._x, self._y = x, y
    x = property(lambda self: self._x)
    y = property(lambda self: self._y)
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = ReadOnlyPoint(3, 4)
print(p.x, p.y, p.norm)
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError:", e)
