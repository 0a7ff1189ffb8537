# tests: << and >> incl. negatives, big shifts, shift into bigint
print(1 << 0, 1 << 1, 1 << 10, 1 << 62, 1 << 63, 1 << 64, 1 << 100)
print(-1 << 3, -5 << 2)
print(1024 >> 3, 1023 >> 3, -1024 >> 3, -1023 >> 3, -1 >> 10, -1 >> 100)
print(5 >> 100, (1 << 200) >> 199)
print((3 << 70) >> 69)
x = 1
for i in range(70):
    x <<= 1
print(x, x.bit_length())
print((-(1 << 65)) >> 64)
print(0 << 1000)
