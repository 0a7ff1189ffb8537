# tests: chained comparisons, evaluation once, mixed operators
x = 5
print(1 < x < 10)
print(1 < x > 10)
print(1 <= 1 < 2 <= 2)
print(3 > 2 > 1 > 0)
print(1 == 1.0 == True)
print(1 < 2 > 0 != 5)
print(0 < x < 5)
count = 0
def mid():
    global count
    count += 1
    return 5
print(0 < mid() < 10, count)
print(0 < mid() > 10 < 1 / 0 if False else "skip")
a = [1, 2]
print(a == [1, 2] != [2, 1])
print("a" < "b" < "c", "b" < "a" < "c")
print(1 < 2 < 3 < 4 < 5 < 4)
print(2 in [1, 2] in [[1, 2]])
