# Special methods defined as staticmethod, classmethod or property: the operator
# calls what the descriptor gives for the instance, with the operands alone.


class Static:
    @staticmethod
    def __add__(other):
        return ("static add", other)

    @staticmethod
    def __len__():
        return 7

    @staticmethod
    def __truediv__(a, b):
        return "never"


class Klass:
    @classmethod
    def __mul__(cls, other):
        return (cls.__name__, other)

    @classmethod
    def __neg__(cls):
        return cls.__name__ + " negated"


class Sub(Klass):
    pass


class Prop:
    @property
    def __sub__(self):
        return lambda other: ("property sub", other)


print(Static() + 5)
print(len(Static()))
print(Klass() * 3, Sub() * 4)
print(-Klass(), -Sub())
print(Prop() - 9)
total = 0
for i in range(50):
    total += len(Static()) + (Sub() * i)[1]
print(total)
try:
    Static() / Static()
except TypeError as error:
    print("TypeError", error)
