# N-queens, solved two ways: by filtering itertools.permutations with sets built
# from generator expressions (as the classic pyperformance benchmark does), and
# by a recursive backtracking search over columns and diagonals.
import sys
from itertools import permutations


def queens_by_permutation(n):
    """Yield each solution as a tuple: queen i sits in column vec[i] of row i."""
    cols = range(n)
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            yield vec


def queens_by_backtracking(n):
    solutions = []
    placed = []
    used_cols = set()
    used_diag = set()
    used_anti = set()

    def place(row):
        if row == n:
            solutions.append(tuple(placed))
            return
        for col in range(n):
            if col in used_cols or (row + col) in used_diag or (row - col) in used_anti:
                continue
            used_cols.add(col)
            used_diag.add(row + col)
            used_anti.add(row - col)
            placed.append(col)
            place(row + 1)
            placed.pop()
            used_cols.discard(col)
            used_diag.discard(row + col)
            used_anti.discard(row - col)

    place(0)
    return solutions


def checksum(solutions):
    acc = 0
    for sol in solutions:
        h = 0
        for c in sol:
            h = (h * 31 + c) % 1000000007
        acc = (acc + h) % 1000000007
    return acc


def main():
    n = 9
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    perm_solutions = list(queens_by_permutation(n))
    back_solutions = []
    for _ in range(4):
        back_solutions = queens_by_backtracking(n + 1)
    same = sorted(perm_solutions) == sorted(queens_by_backtracking(n))
    print("nqueens", n, len(perm_solutions), checksum(perm_solutions),
          len(back_solutions), checksum(back_solutions), same)


main()
