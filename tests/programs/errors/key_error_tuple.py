# tests: uncaught KeyError with a tuple key (message shows tuple repr)
grid = {(0, 0): "origin"}
print(grid[0, 0])
print(grid[1, 2])
