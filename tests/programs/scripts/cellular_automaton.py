# tests: an ordinary simulation: elementary cellular automata (rules 30, 90, 110) rendered as text, with bit manipulation of the rule number, wraparound and pattern statistics
def step(cells, rule):
    n = len(cells)
    return [(rule >> (cells[(i - 1) % n] << 2 | cells[i] << 1 | cells[(i + 1) % n])) & 1 for i in range(n)]

def run(rule, width=31, generations=15):
    cells = [0] * width
    cells[width // 2] = 1
    history = [cells]
    for _ in range(generations):
        cells = step(cells, rule)
        history.append(cells)
    return history

for rule in (30, 90, 110):
    history = run(rule)
    print(f"rule {rule} ({rule:08b})")
    for row in history[:8]:
        print("".join("#" if c else "." for c in row))
    counts = [sum(row) for row in history]
    print("live counts:", counts)
    center = "".join(str(row[len(row) // 2]) for row in history)
    print("center column:", center, int(center, 2))
patterns = {}
for rule in range(0, 256, 17):
    final = tuple(run(rule, 16, 20)[-1])
    patterns.setdefault(final, []).append(rule)
print(len(patterns), sorted(len(v) for v in patterns.values()))
