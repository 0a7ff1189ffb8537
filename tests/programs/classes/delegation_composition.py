# tests: composition and delegation: wrapper objects forwarding via __getattr__, explicit delegation methods, mixins adding behaviour, objects containing objects with repr recursion
class Engine:
    def __init__(self, hp):
        self.hp = hp
        self.running = False
    def start(self):
        self.running = True
        return f"engine {self.hp}hp started"
    def stop(self):
        self.running = False
        return "engine stopped"

class Car:
    def __init__(self, name, hp):
        self.name = name
        self.engine = Engine(hp)
    def __getattr__(self, attr):
        return getattr(self.engine, attr)
    def __repr__(self):
        return f"Car({self.name!r}, running={self.running})"

c = Car("zoom", 300)
print(c.start(), c.running, c, c.hp)
print(c.stop(), c)
try:
    c.fly()
except AttributeError as e:
    print("AttributeError:", e)

class JsonMixin:
    def to_json(self):
        def enc(v):
            if isinstance(v, str):
                return '"' + v + '"'
            if isinstance(v, bool):
                return "true" if v else "false"
            if isinstance(v, (int, float)):
                return str(v)
            if isinstance(v, list):
                return "[" + ",".join(enc(x) for x in v) + "]"
            if hasattr(v, "__dict__"):
                return "{" + ",".join(f'"{k}":{enc(x)}' for k, x in sorted(vars(v).items())) + "}"
            return "null"
        return enc(self)

class CompareMixin:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)
    def __ne__(self, other):
        return not self == other
    __hash__ = None

class Tag(JsonMixin, CompareMixin):
    def __init__(self, name, weight=1):
        self.name = name
        self.weight = weight

class Post(JsonMixin, CompareMixin):
    def __init__(self, title, tags, draft=False):
        self.title = title
        self.tags = tags
        self.draft = draft

p = Post("hello", [Tag("intro"), Tag("misc", 2)])
print(p.to_json())
print(p == Post("hello", [Tag("intro"), Tag("misc", 2)]), p != Post("hello", []), Tag("a") == Tag("a", 2))
print([k.__name__ for k in Post.__mro__])

class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items!r})"

class UndoStack(Stack):
    def __init__(self):
        super().__init__()
        self.history = Stack()
    def push(self, x):
        self.history.push(("push", x))
        return super().push(x)
    def pop(self):
        x = super().pop()
        self.history.push(("pop", x))
        return x
u = UndoStack()
u.push(1).push(2).push(3)
u.pop()
print(u, len(u), u.history, len(u.history))
nested = Stack().push(Stack().push(1)).push([Stack()])
print(nested)
