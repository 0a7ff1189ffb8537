# tests: user exception classes with __init__ and attributes, hierarchies, raise from, str/repr of custom exceptions
class AppError(Exception):
    pass

class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason

def load(key):
    if key == "port":
        raise ConfigError(key, "must be an int")
    return key

for k in ["host", "port"]:
    try:
        print("loaded", load(k))
    except AppError as e:
        print(type(e).__name__, e, e.key, e.reason, isinstance(e, Exception), e.args)

try:
    try:
        load("port")
    except ConfigError as e:
        raise RuntimeError("startup failed") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__cause__.key)

print(issubclass(ConfigError, AppError), issubclass(AppError, ConfigError), ConfigError.__mro__[1].__name__)
