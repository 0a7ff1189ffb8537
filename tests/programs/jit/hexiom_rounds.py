# tests: the hexiom benchmark at two rounds under every tier: a solver whose
# traces jump straight into side traces that inline calls and leave from inside
# them once those exits are cold (a pending-frame case the small programs miss).
# Hexiom, the hexagonal tile puzzle: a hexagon of cells receives numbered tiles so
# that every tile's number equals how many of its (up to six) neighbours hold a
# tile; some cells start fixed, the rest of the tiles must be placed. Puzzles are
# generated from a seeded random layout, then solved by constraint propagation
# over per-cell domains (bit masks of the values a cell may still take, "empty"
# included) and depth-first search on the most constrained cell, counting every
# solution. Stresses small-int bit operations, list copies, method calls and
# recursion.
import random
import sys

EMPTY = 7
FULL = (1 << 8) - 1
BITS = [1 << v for v in range(8)]


def popcount(mask):
    n = 0
    while mask:
        mask &= mask - 1
        n += 1
    return n


def lowest_value(mask):
    v = 0
    while not mask & 1:
        mask >>= 1
        v += 1
    return v


class Hexagon:
    """Cells of a hexagon with `side` cells per edge, in axial coordinates."""

    def __init__(self, side):
        self.side = side
        r = side - 1
        self.coords = []
        for q in range(-r, r + 1):
            for s in range(max(-r, -q - r), min(r, -q + r) + 1):
                self.coords.append((q, s))
        index = {c: i for i, c in enumerate(self.coords)}
        self.neighbours = []
        for q, s in self.coords:
            near = []
            for dq, ds in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)):
                j = index.get((q + dq, s + ds))
                if j is not None:
                    near.append(j)
            self.neighbours.append(near)

    def __len__(self):
        return len(self.coords)

    def render(self, values):
        rows = {}
        for (q, s), v in zip(self.coords, values):
            rows.setdefault(s, []).append("." if v == EMPTY else str(v))
        lines = []
        for s in sorted(rows):
            lines.append(" " * abs(s) + " ".join(rows[s]))
        return "\n".join(lines)


class Puzzle:
    def __init__(self, hexagon, counts, fixed):
        self.hexagon = hexagon
        self.counts = counts      # counts[v]: how many tiles of value v (EMPTY: holes)
        self.fixed = fixed        # {cell: value}


def make_puzzle(rng, side, tiles, hints):
    hexagon = Hexagon(side)
    n = len(hexagon)
    cells = list(range(n))
    rng.shuffle(cells)
    occupied = set(cells[:tiles])
    values = []
    for i in range(n):
        if i in occupied:
            values.append(sum(1 for j in hexagon.neighbours[i] if j in occupied))
        else:
            values.append(EMPTY)
    counts = [0] * 8
    for v in values:
        counts[v] += 1
    order = list(range(n))
    rng.shuffle(order)
    fixed = {i: values[i] for i in order[:hints]}
    return Puzzle(hexagon, counts, fixed), values


class Contradiction(Exception):
    pass


class Solver:
    def __init__(self, puzzle):
        self.puzzle = puzzle
        self.neighbours = puzzle.hexagon.neighbours
        self.solutions = []
        self.nodes = 0

    def initial_domains(self):
        n = len(self.puzzle.hexagon)
        domains = []
        for i in range(n):
            mask = BITS[EMPTY]
            for v in range(len(self.neighbours[i]) + 1):
                if self.puzzle.counts[v]:
                    mask |= BITS[v]
            domains.append(mask)
        for cell, v in self.puzzle.fixed.items():
            domains[cell] = BITS[v]
        return domains

    def propagate(self, domains):
        """Narrow the domains until nothing changes; raise Contradiction when a
        domain empties or the tile counts cannot be met."""
        changed = True
        while changed:
            changed = False
            remaining = self.puzzle.counts[:]
            for mask in domains:
                if mask & (mask - 1) == 0:
                    v = lowest_value(mask)
                    remaining[v] -= 1
                    if remaining[v] < 0:
                        raise Contradiction()
            for i, mask in enumerate(domains):
                occupied = 0
                possible = 0
                for j in self.neighbours[i]:
                    d = domains[j]
                    if d == BITS[EMPTY]:
                        continue
                    if d & BITS[EMPTY]:
                        possible += 1
                    else:
                        occupied += 1
                new = mask
                if mask & (mask - 1):
                    for v in range(7):
                        if new & BITS[v] and (v < occupied or v > occupied + possible
                                              or remaining[v] == 0):
                            new &= ~BITS[v]
                    if remaining[EMPTY] == 0:
                        new &= ~BITS[EMPTY]
                elif mask != BITS[EMPTY]:
                    v = lowest_value(mask)
                    if v < occupied or v > occupied + possible:
                        raise Contradiction()
                    if possible and (v == occupied or v == occupied + possible):
                        # The undecided neighbours are forced all empty or all full.
                        force_empty = v == occupied
                        for j in self.neighbours[i]:
                            d = domains[j]
                            if d & BITS[EMPTY] and d != BITS[EMPTY]:
                                d = BITS[EMPTY] if force_empty else d & ~BITS[EMPTY]
                                if d == 0:
                                    raise Contradiction()
                                domains[j] = d
                                changed = True
                if new == 0:
                    raise Contradiction()
                if new != mask:
                    domains[i] = new
                    changed = True

    def search(self, domains):
        self.nodes += 1
        try:
            self.propagate(domains)
        except Contradiction:
            return
        best = -1
        best_size = 99
        for i, mask in enumerate(domains):
            size = popcount(mask)
            if 1 < size < best_size:
                best, best_size = i, size
        if best < 0:
            self.solutions.append([lowest_value(m) for m in domains])
            return
        mask = domains[best]
        for v in range(8):
            if mask & BITS[v]:
                child = domains[:]
                child[best] = BITS[v]
                self.search(child)

    def solve(self):
        self.search(self.initial_domains())
        return self.solutions


def main():
    rounds = 2
    if len(sys.argv) > 1:
        rounds = int(sys.argv[1])
    rng = random.Random(4242)
    total_solutions = 0
    total_nodes = 0
    checksum = 0
    last = None
    for _ in range(rounds):
        puzzle, layout = make_puzzle(rng, 4, 24, 10)
        solver = Solver(puzzle)
        solutions = solver.solve()
        if layout not in solutions:
            raise RuntimeError("the generating layout was not found")
        total_solutions += len(solutions)
        total_nodes += solver.nodes
        for sol in solutions:
            checksum = (checksum * 31 + sum((i + 1) * v for i, v in enumerate(sol))) % 1000003
        last = (puzzle, solutions[0])
    print(last[0].hexagon.render(last[1]))
    print("hexiom", rounds, total_solutions, total_nodes, checksum)


main()
