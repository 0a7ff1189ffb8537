# tests: a variable switching int -> float -> big int -> str mid-loop, same operations each iteration
x = 1
out = []
for i in range(40):
    if i == 10:
        x = 1.5
    elif i == 20:
        x = 2 ** 70
    elif i == 30:
        x = "s"
    x = x + x
    if i % 5 == 4:
        out.append(repr(x) if not isinstance(x, str) else len(x))
print(out)
print(type(x).__name__, len(x))
