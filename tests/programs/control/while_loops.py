# tests: while loops, break, continue, while/else, nested while
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    print("even", i)
k = 0
while k < 3:
    k += 1
else:
    print("while-else ran, k =", k)
k = 0
while k < 10:
    if k == 4:
        break
    k += 1
else:
    print("not printed")
print("broke at", k)
a = 0
while a < 3:
    b = 0
    while b < 3:
        if b == a:
            b += 1
            continue
        print(a, b)
        b += 1
    a += 1
