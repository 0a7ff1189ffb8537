# tests: user exception classes: hierarchies, custom __init__/__str__, args, attributes, catching by base class, repr and str of exceptions
class AppError(Exception):
    """Base of this app's errors."""

class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason

class NetworkError(AppError):
    def __init__(self, host, code):
        self.host = host
        self.code = code
    def __str__(self):
        return f"{self.host} failed with {self.code}"

class RetryableNetworkError(NetworkError):
    pass

class Weird(Exception):
    def __repr__(self):
        return "Weird!"

errors = [ConfigError("port"), ConfigError("host", "empty"), NetworkError("a.com", 503),
          RetryableNetworkError("b.org", 429), AppError("plain", 2), Weird("w")]
for err in errors:
    try:
        raise err
    except NetworkError as e:
        print("network:", e, e.args, type(e).__name__, isinstance(e, RetryableNetworkError))
    except AppError as e:
        print("app:", str(e), repr(e), e.args)
    except Exception as e:
        print("other:", str(e), repr(e))

c = ConfigError("db")
print(c.key, c.reason, c.args, str(c), repr(c))
print(issubclass(ConfigError, AppError), issubclass(ConfigError, Exception), issubclass(AppError, ConfigError))
print(ConfigError.__mro__[1:3], AppError.__doc__)
print(isinstance(c, BaseException), ConfigError.__name__, ConfigError.__bases__)

print(repr(Exception()), repr(Exception("one")), repr(Exception("a", 2)), str(Exception("a", 2)), str(Exception()))
print(repr(ValueError(None)), str(KeyError("k")), str(KeyError("a", "b")), repr(KeyError()))

e = AppError("x")
e.extra = 42
print(e.extra, e.args, e.__dict__ if hasattr(e, "__dict__") else "-")
e.args = ("changed",)
print(str(e), e.args)

class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as we:
    print("raised class:", we, we.args)

class NoSuperInit(Exception):
    def __init__(self, a, b):
        self.total = a + b
try:
    raise NoSuperInit(2, 3)
except NoSuperInit as ns:
    print(ns.total, ns.args, repr(str(ns)))

def checker(v):
    if v < 0:
        raise ValueError(f"negative: {v}")
    if v == 0:
        raise ZeroDivisionError("zero")
    return 10 / v

for v in [5, 0, -1]:
    try:
        print(checker(v))
    except (ValueError, ZeroDivisionError) as err:
        print(type(err).__name__, err)

class Stop(Exception):
    pass
def search(grid, target):
    try:
        for r, row in enumerate(grid):
            for c, v in enumerate(row):
                if v == target:
                    raise Stop((r, c))
    except Stop as s:
        return s.args[0]
    return None
print(search([[1, 2], [3, 4]], 3), search([[1]], 9))

try:
    raise BaseException("base")
except Exception:
    print("not here")
except BaseException as b:
    print("BaseException caught:", b)

try:
    raise NotAnException
except NameError as ne:
    print("NameError:", ne)
try:
    raise 42
except TypeError as te:
    print("TypeError:", te)

class NotExc:
    pass
try:
    raise NotExc()
except TypeError as te:
    print("TypeError:", te)
try:
    try:
        pass
    except NotExc:
        pass
    [][1]
except IndexError as ie:
    print("IndexError:", ie)
