# tests: list + and * (incl. aliasing in *), comparison, equality, in
a = [1, 2]
b = [3]
print(a + b, a * 3, 0 * a, -1 * a, a)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print([1, [2, 3]] == [1, [2, 3]], [1, 2.0] == [1, 2])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
print(3 in [1, 2, 3], [3] in [[3]], 4 not in a)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < ["a"]
except TypeError as e:
    print("TypeError:", e)
