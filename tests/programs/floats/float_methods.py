# tests: float.is_integer, as-integer conversions, abs, min/max of floats, hash of floats
print((3.0).is_integer(), (3.5).is_integer())
print(abs(-2.5), abs(2.5), abs(float("-inf")))
print(max(1.5, 2.5, -1.0), min([3.25, 0.5, 9.75]))
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0), hash(2.5), hash(-1.0), hash(0.5))
print(hash(1e100) == hash(10 ** 100), hash(float("inf")))
print(float(7), float(-3) == -3)
print(divmod(7.5, 2.0), divmod(-7.5, 2.0))
print(int(7.999), round(7.999, 1))
