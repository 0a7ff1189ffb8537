# tests: hash of ints, floats, tuples, bools (never strings); hash equality across numeric types
for v in [0, 1, -1, -2, 42, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30]:
    print(v, hash(v))
for v in [0.0, -0.0, 1.0, 1.5, -2.25, 1e100, float("inf"), float("-inf")]:
    print(v, hash(v))
print(hash(True), hash(False), hash(True) == hash(1))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash((0.5, True)))
print(hash(None) == hash(None))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
