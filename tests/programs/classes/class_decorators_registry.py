# tests: class decorators and class-level patterns: registries via decorators, dataclass-like __init__ generation with setattr, singleton via a decorator, class attributes mutated through methods
def auto_init(*fields):
    def deco(cls):
        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                raise TypeError(f"{cls.__name__} takes {len(fields)} arguments")
            for name, value in zip(fields, args):
                setattr(self, name, value)
            for name in fields[len(args):]:
                if name not in kwargs:
                    raise TypeError(f"missing field {name!r}")
                setattr(self, name, kwargs.pop(name))
            if kwargs:
                raise TypeError(f"unknown fields {sorted(kwargs)}")
        def __repr__(self):
            inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in fields)
            return f"{cls.__name__}({inner})"
        def __eq__(self, other):
            return type(self) is type(other) and all(getattr(self, f) == getattr(other, f) for f in fields)
        cls.__init__ = __init__
        cls.__repr__ = __repr__
        cls.__eq__ = __eq__
        cls._fields = fields
        return cls
    return deco

@auto_init("x", "y")
class Point:
    def dist2(self):
        return self.x ** 2 + self.y ** 2

@auto_init("name", "tags")
class Item:
    pass

p = Point(3, y=4)
print(p, p.dist2(), p == Point(3, 4), p == Point(4, 3), Point._fields)
print(Item("pen", ["office"]))
for bad in [lambda: Point(1, 2, 3), lambda: Point(1), lambda: Point(1, 2, z=3)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    get.cls = cls
    return get

@singleton
class Settings:
    def __init__(self, env="dev"):
        self.env = env
a = Settings("prod")
b = Settings("test")
print(a is b, a.env, Settings.cls.__name__)

PLUGINS = []
def plugin(cls):
    PLUGINS.append(cls)
    cls.plugin_id = len(PLUGINS)
    return cls

@plugin
class Alpha:
    def run(self):
        return "alpha ran"

@plugin
class Beta(Alpha):
    def run(self):
        return "beta + " + super().run()

print([(c.__name__, c.plugin_id) for c in PLUGINS], [c().run() for c in PLUGINS])

class Counter:
    total = 0
    per_class = {}
    def __init__(self):
        Counter.total += 1
        name = type(self).__name__
        Counter.per_class[name] = Counter.per_class.get(name, 0) + 1
    @classmethod
    def reset(cls):
        cls.total = 0
class SubCounter(Counter):
    pass
Counter(); SubCounter(); SubCounter()
print(Counter.total, Counter.per_class)
SubCounter.reset()
print(Counter.total, SubCounter.total, "total" in SubCounter.__dict__)
