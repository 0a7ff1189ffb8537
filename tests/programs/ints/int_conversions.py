# tests: hex/bin/oct of ints incl. negative, str/repr of ints, int methods bit_length
for v in [0, 1, 10, 255, -255, 2 ** 70, -(2 ** 65)]:
    print(v, hex(v), bin(v), oct(v))
print((255).bit_length(), (0).bit_length(), (-256).bit_length())
print(str(-0), repr(10 ** 25))
print(abs(-9), abs(9), abs(-(10 ** 30)))
print(1_000 + 0x10 + 0o10 + 0b10)
print(int("-0b101", 0), int("0X1F", 0))
