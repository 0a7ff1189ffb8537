# tests: common metaclass patterns: registries, singletons, attribute validation, counting instances, class decorators
class PluginMeta(type):
    registry = {}

    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        if bases:
            mcs.registry[namespace.get("key", name.lower())] = cls
        return cls


class Plugin(metaclass=PluginMeta):
    def run(self):
        return f"{type(self).__name__} runs"


class Alpha(Plugin):
    key = "a"


class Beta(Plugin):
    pass


print(sorted(PluginMeta.registry), PluginMeta.registry["a"]().run(), PluginMeta.registry["beta"]().run())
print(type(Alpha).__name__, isinstance(Beta, PluginMeta), issubclass(PluginMeta, type), PluginMeta.__mro__)


class SingletonMeta(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=SingletonMeta):
    def __init__(self, value=0):
        print("Config init", value)
        self.value = value


c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.value, c2.value)


class Validated(type):
    def __new__(mcs, name, bases, namespace):
        for attr, value in namespace.items():
            if attr.startswith("check_") and not callable(value):
                raise TypeError(f"{name}.{attr} must be callable")
        return super().__new__(mcs, name, bases, namespace)


class Good(metaclass=Validated):
    def check_ok(self):
        return True


try:
    class Bad(metaclass=Validated):
        check_bad = 5
except TypeError as e:
    print("TypeError:", e)


class Counting(type):
    def __init__(cls, name, bases, namespace):
        super().__init__(name, bases, namespace)
        cls.count = 0

    def __call__(cls, *args):
        cls.count += 1
        return super().__call__(*args)


class Widget(metaclass=Counting):
    def __init__(self, n):
        self.n = n


class Gadget(Widget):
    pass


ws = [Widget(i) for i in range(3)] + [Gadget(9)]
print(Widget.count, Gadget.count, [w.n for w in ws])


def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{cls.__name__}({fields})"

    cls.__repr__ = __repr__
    return cls


@add_repr
class Rec:
    def __init__(self, a, b):
        self.a = a
        self.b = b


print(Rec(1, "x"), type(Rec).__name__)


class WithClassMethods(type):
    def create(cls, *args):
        return cls(*args)

    @property
    def label(cls):
        return "label:" + cls.__name__


class Thing(metaclass=WithClassMethods):
    def __init__(self, x=0):
        self.x = x


t = Thing.create(4)
print(t.x, Thing.label, type(t).__name__)
try:
    t.create
except AttributeError as e:
    print("AttributeError:", e)
print(type(Thing).__name__, type(type(Thing)).__name__, Thing.__class__.__name__)
