# tests: an ordinary small simulation: Conway's game of life on a set of live cells, with rendering, generations and period detection
def neighbours(cell):
    x, y = cell
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            if dx or dy:
                yield (x + dx, y + dy)

def step(live):
    counts = {}
    for cell in live:
        for n in neighbours(cell):
            counts[n] = counts.get(n, 0) + 1
    return {c for c, k in counts.items() if k == 3 or (k == 2 and c in live)}

def render(live, x0, y0, x1, y1):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(x0, x1)) for y in range(y0, y1))

def parse(pattern):
    return {(x, y) for y, row in enumerate(pattern.strip().splitlines()) for x, ch in enumerate(row) if ch == "#"}

glider = parse("""
.#.
..#
###
""")
state = glider
for gen in range(4):
    state = step(state)
print(render(state, 0, 0, 5, 5))
print(sorted(state), len(state))

blinker = parse("###")
seen = {}
state = frozenset(blinker)
for gen in range(10):
    if state in seen:
        print("blinker period", gen - seen[state], "first seen at", seen[state])
        break
    seen[state] = gen
    state = frozenset(step(state))

r_pentomino = parse("""
.##
##.
.#.
""")
state = r_pentomino
populations = []
for gen in range(60):
    state = step(state)
    populations.append(len(state))
print(populations[::6], max(populations))
xs = [x for x, _ in state]
ys = [y for _, y in state]
print(min(xs), max(xs), min(ys), max(ys))

block = parse("##\n##")
print(step(block) == block, step(set()) == set())
