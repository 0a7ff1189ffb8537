# tests: hot integer loop: sum of 0..50000 and sum of squares
total = 0
for i in range(50000):
    total += i
print(total)
sq = 0
i = 0
while i < 50000:
    sq += i * i
    i += 1
print(sq)
