# tests: trial-division primality with while loops and early break, up to 8000
count = 0
last = 0
for n in range(2, 8000):
    d = 2
    prime = True
    while d * d <= n:
        if n % d == 0:
            prime = False
            break
        d += 1
    if prime:
        count += 1
        last = n
print(count, last)
