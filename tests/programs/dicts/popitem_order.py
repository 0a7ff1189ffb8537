# tests: popitem LIFO order, update overwrite keeps position, re-insert moves to end
d = {}
for i in range(6):
    d[i] = i * i
d[2] = "updated"
print(d)
print(d.popitem(), d.popitem(), d)
del d[0]
d[0] = "back"
print(d)
d.update({1: "one", 9: "nine"})
print(d)
while d:
    print(d.popitem())
