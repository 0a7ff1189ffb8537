# tests: for over list/str/range/dict/tuple, nested for, for/else, break/continue
for x in [1, 2, 3]:
    print("list", x)
for ch in "hi":
    print("str", ch)
for k in {"a": 1, "b": 2}:
    print("dict", k)
for i in range(3, 0, -1):
    print("range", i)
for a, b in [(1, 2), (3, 4)]:
    print("pair", a, b)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(10):
    if i % 3:
        continue
    print("mult3", i)
for i in []:
    print("never")
else:
    print("empty for-else")
for i in range(5):
    pass
print("leftover i", i)
