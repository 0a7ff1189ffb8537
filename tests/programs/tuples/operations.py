# tests: tuple concatenation, repetition, slicing, in, len, min/max, tuple()
t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t + (0,), t[:3] * 2, t[::2], t[::-1], t[-3:], t[2:6:2])
print(len(t), min(t), max(t), sum(t), 9 in t, 7 in t, sorted(t))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"x": 1}))
print((1,) * 0, (1, 2) * 2)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t[20]
except IndexError as e:
    print("IndexError:", e)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
