# tests: list append/pop/index in hot loops, in-place updates of list elements
data = []
for i in range(20000):
    data.append(i * 7 % 1000)
print(len(data), sum(data), max(data))
for i in range(len(data)):
    data[i] = data[i] * 2 + 1
print(sum(data), data[:5])
popped = 0
while len(data) > 10000:
    popped += data.pop()
print(popped, len(data))
