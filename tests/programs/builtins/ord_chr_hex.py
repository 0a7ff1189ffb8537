# tests: ord chr hex bin oct round-trips
for c in "aZ0 ~é✓😀":
    print(repr(c), ord(c), chr(ord(c)) == c, hex(ord(c)), bin(ord(c)), oct(ord(c)))
print(hex(0), bin(0), oct(0), hex(-1), bin(-5), oct(-64))
print(int(hex(12345), 16), int(bin(12345), 2), int(oct(12345), 8))
print(hex(2 ** 100), bin(2 ** 70 + 1))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
