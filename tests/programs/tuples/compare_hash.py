# tests: tuple comparison, hashing tuples, tuples as dict keys, count/index
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 99), (1, 2) == (1, 2.0))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(()))
print(hash((1, 2, 3)), hash(()), hash((True, 0.5)), hash((1, (2, 3))))
grid = {}
for x in range(3):
    for y in range(2):
        grid[(x, y)] = x * y
print(grid)
print(grid[(2, 1)], grid[2, 1], (1, 1) in grid, (5, 5) in grid)
t = (1, 2, 2, 3, 2)
print(t.count(2), t.index(2), t.index(3), t.count(9))
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
