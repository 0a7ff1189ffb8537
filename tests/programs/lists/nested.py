# tests: nested lists, matrix transpose and multiply with loops and comprehensions
m = [[1, 2, 3], [4, 5, 6]]
t = [[m[r][c] for r in range(len(m))] for c in range(len(m[0]))]
print(t)
def matmul(a, b):
    n, k, p = len(a), len(b), len(b[0])
    out = [[0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            s = 0
            for x in range(k):
                s += a[i][x] * b[x][j]
            out[i][j] = s
    return out
print(matmul(m, t))
flat = [x for row in m for x in row]
print(flat)
deep = [1, [2, [3, [4, [5]]]]]
print(deep[1][1][1][1][0], deep)
jag = [[], [1], [1, 2], [1, 2, 3]]
print([len(r) for r in jag], sum([sum(r) for r in jag]))
