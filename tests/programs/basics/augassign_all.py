# tests: augmented assignment for every operator: += -= *= /= //= %= **= <<= >>= &= |= ^=
x = 100
x += 7; print(x)
x -= 10; print(x)
x *= 3; print(x)
x //= 4; print(x)
x %= 17; print(x)
x **= 3; print(x)
x <<= 5; print(x)
x >>= 2; print(x)
x &= 0xFF0; print(x)
x |= 0x00F; print(x)
x ^= 0x5A5; print(x)
x /= 8; print(x)
y = -17
y //= 5; print(y)
y = -17
y %= 5; print(y)
z = 2
z **= -1; print(z)
f = 7.5
f //= 2; print(f)
f %= 2; print(f)
lst = [1, 2]
lst *= 2; print(lst)
s = "x"
s += "y"; s *= 2; print(s)
d = [10, 20, 30]
d[1] += 5; d[-1] //= 7; print(d)
