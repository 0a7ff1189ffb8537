# tests: uncaught exception raised while handling another (last line is the new one)
try:
    {}["missing"]
except KeyError:
    print("converting")
    raise TypeError("converted error")
