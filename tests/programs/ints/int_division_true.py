# tests: true division of ints, big ints, exact results, rounding of int/int
print(1 / 3, 2 / 3, 10 / 4, -10 / 4)
print(10 ** 20 / 10 ** 10, 2 ** 60 / 3)
print((10 ** 30 + 1) / 10 ** 30)
print(7 / 7, 0 / 5, -0 / 5)
print(9007199254740993 / 1)
print(1 / 10 ** 400 if False else "skip")
print((10 ** 400) // (10 ** 399))
try:
    print((10 ** 400) / 3)
except OverflowError as e:
    print("OverflowError:", e)
print((10 ** 400) / (10 ** 399))
