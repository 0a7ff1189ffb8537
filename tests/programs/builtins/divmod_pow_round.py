# tests: divmod/pow/round edge cases with mixed types and negative values
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5))
print(divmod(7.0, 2), divmod(-7, 2.0), divmod(1, 0.3))
print(pow(2, 0), pow(0, 0), pow(0.0, 0), pow(-1, 0.5) if False else pow(-8, 1))
print(pow(10, -3), pow(-10, -3), pow(2, 64), pow(7, 1000, 13), pow(-7, 3, 5))
print(round(0.5), round(1.5), round(-0.5), round(2.5, 0), round(25, -1), round(35, -1), round(-25, -1))
print(round(1.23456789, 4), round(12345.6789, -3), round(5, 2), type(round(5, 2)).__name__)
try:
    pow(2, 0.5, 3)
except TypeError as e:
    print("TypeError:", e)
