# tests: __class_getitem__ (implicitly a classmethod, inherited), metaclass __getitem__ taking precedence, and subscripting a plain class
class C:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
print(C[int])

class Box:
    @classmethod
    def __class_getitem__(cls, item):
        return ("Box", item)
print(Box[str], Box[1, 2])
class Plain:
    pass
try:
    Plain[int]
except TypeError as e:
    print("TypeError:", e)
class M(type):
    def __getitem__(cls, item):
        return f"meta {item}"
class WithMeta(metaclass=M):
    def __class_getitem__(cls, item):
        return "class_getitem"
print(WithMeta[3])
class Sub(Box):
    pass
print(Sub["x"])
