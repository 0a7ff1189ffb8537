# tests: loop variables persist after the loop; comprehension variables do not leak
for i in range(4):
    pass
print(i)
j = "before"
for j in []:
    pass
print(j)
k = "outer"
squares = [k * k for k in range(3)]
print(squares, k)
n = 0
while n < 3:
    last = n
    n += 1
print(n, last)
