# tests: loop else clause semantics with break, continue, return, and nested loops
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 0)
def first_even(items):
    for v in items:
        if v % 2 == 0:
            return v
    else:
        return None
print(first_even([1, 3, 4, 5]), first_even([1, 3]))
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
    else:
        print("inner else", i)
n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while else", n)
