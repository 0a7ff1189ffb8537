# tests: an ordinary search script: parse a text maze, BFS shortest path with parent links, DFS reachability with an explicit stack, path rendering, deque usage
from collections import deque

MAZE = """
##########
#S.....#.#
#.##.#.#.#
#.#..#...#
#.#.####.#
#...#..#.#
###.#.##.#
#.....#.E#
##########
"""

grid = [list(row) for row in MAZE.strip().splitlines()]
rows, cols = len(grid), len(grid[0])
start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
end = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "E")

def neighbours(pos):
    r, c = pos
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#":
            yield nr, nc

def bfs(src, dst):
    parent = {src: None}
    queue = deque([src])
    while queue:
        cur = queue.popleft()
        if cur == dst:
            break
        for nxt in neighbours(cur):
            if nxt not in parent:
                parent[nxt] = cur
                queue.append(nxt)
    if dst not in parent:
        return None
    path = []
    node = dst
    while node is not None:
        path.append(node)
        node = parent[node]
    return path[::-1], len(parent)

def reachable(src):
    seen = {src}
    stack = [src]
    while stack:
        for nxt in neighbours(stack.pop()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen

path, explored = bfs(start, end)
print(start, end, len(path) - 1, explored)
for r, c in path[1:-1]:
    grid[r][c] = "*"
print("\n".join("".join(row) for row in grid))
open_cells = sum(row.count(".") for row in grid) + len(path)
print(len(reachable(start)), open_cells)
grid[7][7] = "#"
print(bfs(start, end))
