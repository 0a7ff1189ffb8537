# tests: nested loops ~40000 iterations: matrix product and pair counting
n = 30
a = [[(i * j) % 7 for j in range(n)] for i in range(n)]
b = [[(i + j) % 5 for j in range(n)] for i in range(n)]
c = [[0] * n for _ in range(n)]
for i in range(n):
    for j in range(n):
        s = 0
        for k in range(n):
            s += a[i][k] * b[k][j]
        c[i][j] = s
print(sum([sum(row) for row in c]), c[5][7], c[n - 1][n - 1])
pairs = 0
for i in range(200):
    for j in range(i, 200):
        if (i ^ j) & 3 == 0:
            pairs += 1
print(pairs)
