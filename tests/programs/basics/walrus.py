# tests: assignment expressions (walrus) in if/while/comprehension
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
i = 0
while (v := data[i]) != 1:
    print("value", v)
    i += 1
print("stopped at", i, v)
ys = [y for x in data if (y := x * 2) > 6]
print(ys)
print(y)
total = 0
print([total := total + x for x in data])
print(total)
