# tests: CPython's errors from class creation and __new__: unsafe object.__new__, bad bases, type() arguments, slots, metaclass calls
def attempt(label, thunk):
    try:
        result = thunk()
        print(label, "->", result)
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)


class L(list):
    pass


class Meta(type):
    pass


attempt("object.__new__(list)", lambda: object.__new__(list))
attempt("object.__new__(L)", lambda: object.__new__(L))
attempt("object.__new__(ValueError)", lambda: object.__new__(ValueError))
attempt("object.__new__(Meta)", lambda: object.__new__(Meta))
attempt("type.__new__(type)", lambda: type.__new__(type))
attempt("type.__new__(int, ...)", lambda: type.__new__(int, "A", (), {}))
attempt("tuple.__new__(list)", lambda: tuple.__new__(list))
attempt("int.__new__(L)", lambda: int.__new__(L))
attempt("type(5, (), {})", lambda: type(5, (), {}))
attempt("type('X', 5, {})", lambda: type("X", 5, {}))
attempt("type('X', (), 5)", lambda: type("X", (), 5))
attempt("type('X', (), {}).__name__", lambda: type("X", (), {}).__name__)
attempt("bool subclass", lambda: type("B", (bool,), {}))
attempt("layout conflict", lambda: type("C", (list, dict), {}))
attempt("slots not strings", lambda: type("S", (), {"__slots__": [1]}))
attempt("slots conflict", lambda: type("S", (), {"__slots__": ("a",), "a": 1}))
attempt("metaclass conflict", lambda: type("M", (type("A", (), {}), Meta("B", (), {})), {}))
attempt("Meta('X', (), {})", lambda: type(Meta("X", (), {})).__name__)
attempt("list.__init__(5)", lambda: list.__init__(5))
attempt("dict.__init__ too many", lambda: dict.__init__({}, 1, 2))


class NoInit:
    pass


attempt("NoInit(1)", lambda: NoInit(1))
attempt("NoInit(a=1)", lambda: NoInit(a=1))


class InitReturns:
    def __init__(self):
        return 5


attempt("__init__ returns 5", lambda: InitReturns())


class NewReturnsOther:
    def __new__(cls):
        return [1, 2]

    def __init__(self):
        print("never runs")


attempt("__new__ returns a list", lambda: NewReturnsOther())
