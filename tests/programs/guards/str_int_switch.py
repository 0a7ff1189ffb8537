# tests: a variable alternating between str and int each iteration; += meaning changes
v = 0
log = []
for i in range(10):
    if i % 2 == 0:
        v = i
        v += 1
    else:
        v = str(i)
        v += "!"
    log.append(v)
print(log)
acc = []
x = ""
for i in range(6):
    x = x * 2 if isinstance(x, int) else x + "a"
    if i == 2:
        x = 3
    acc.append(x)
print(acc)
