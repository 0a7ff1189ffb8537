# tests: an ordinary puzzle solver: sudoku with constraint sets, backtracking search over the most constrained cell, grid parsing/printing, validation
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""

def parse(text):
    rows = [r for r in text.strip().splitlines()]
    return [[int(c) if c.isdigit() else 0 for c in r] for r in rows]

def candidates(grid, r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {grid[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return set(range(1, 10)) - used

calls = 0
def solve(grid):
    global calls
    calls += 1
    best = None
    for r in range(9):
        for c in range(9):
            if grid[r][c] == 0:
                opts = candidates(grid, r, c)
                if not opts:
                    return False
                if best is None or len(opts) < len(best[2]):
                    best = (r, c, opts)
    if best is None:
        return True
    r, c, opts = best
    for v in sorted(opts):
        grid[r][c] = v
        if solve(grid):
            return True
    grid[r][c] = 0
    return False

def valid(grid):
    groups = [row for row in grid] + [[grid[r][c] for r in range(9)] for c in range(9)]
    groups += [[grid[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
    return all(sorted(g) == list(range(1, 10)) for g in groups)

grid = parse(PUZZLE)
print(sum(v == 0 for row in grid for v in row), "blanks")
print(solve(grid), calls, valid(grid))
for i, row in enumerate(grid):
    if i and i % 3 == 0:
        print("------+-------+------")
    print(" | ".join(" ".join(map(str, row[j:j + 3])) for j in (0, 3, 6)))
bad = parse(PUZZLE)
bad[0][2] = 5
print(candidates(bad, 0, 3), valid(bad))
