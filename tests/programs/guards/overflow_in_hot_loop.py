# tests: an int that crosses the 64-bit boundary in the middle of a hot loop, then shrinks back
x = 1
peak = 0
for i in range(200):
    if i < 100:
        x = x * 2 + 1
    else:
        x = x // 2
    if x > peak:
        peak = x
print(x, peak, peak.bit_length())
y = 9223372036854775000
for i in range(2000):
    y += 1
print(y, y - 9223372036854775807)
z = -9223372036854775000
for i in range(2000):
    z -= 1
print(z)
w = 3037000499
for _ in range(3):
    w = w * w
print(w % 1000000007, w.bit_length())
