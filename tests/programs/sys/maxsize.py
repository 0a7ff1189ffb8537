# tests: sys.maxsize value and arithmetic beyond it
import sys
print(sys.maxsize)
print(sys.maxsize == 2 ** 63 - 1)
print(sys.maxsize + 1, -sys.maxsize - 1, sys.maxsize * 2)
print(type(sys.maxsize).__name__, sys.maxsize.bit_length())
print(len(range(sys.maxsize)))
