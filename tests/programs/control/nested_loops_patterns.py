# tests: nested loops building patterns, multiplication table, pyramid
for i in range(1, 6):
    print(" ".join(["%2d" % (i * j) for j in range(1, 6)]))
for i in range(4):
    line = ""
    for j in range(4):
        line += "#" if (i + j) % 2 == 0 else "."
    print(line)
n = 5
tri = []
for i in range(n):
    row = [1] * (i + 1)
    for j in range(1, i):
        row[j] = tri[i - 1][j - 1] + tri[i - 1][j]
    tri.append(row)
for row in tri:
    print(row)
