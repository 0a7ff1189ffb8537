# tests: __init_subclass__ (implicit classmethod, super() chaining to object's, inherited hooks, type() creation) registering subclasses
class Plugin:
    registry = []
    def __init_subclass__(cls):
        super().__init_subclass__()
        cls.registry.append(cls.__name__)
        cls.tag = cls.__name__.lower()
class A(Plugin): pass
class B(A): pass
class C(Plugin):
    def __init_subclass__(cls):
        print("C hook for", cls.__name__)
class D(C): pass
print(Plugin.registry, B.tag, D.__dict__.get("tag"), hasattr(Plugin, "tag"))
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
X = type("X", (Plugin,), {})
print(Plugin.registry)
