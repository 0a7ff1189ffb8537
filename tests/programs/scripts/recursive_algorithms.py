# tests: ordinary recursive algorithms: permutations, subsets, merge sort, quicksort, Hanoi, flood fill, Ackermann, memoized partitions, n-queens count
def permutations(seq):
    if len(seq) <= 1:
        return [seq]
    out = []
    for i, x in enumerate(seq):
        for rest in permutations(seq[:i] + seq[i + 1:]):
            out.append(x + rest)
    return out

def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + r for r in rest]

def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]

def quicksort(xs):
    if len(xs) < 2:
        return xs
    pivot, *rest = xs
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])

def hanoi(n, src="A", dst="C", via="B", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves

def flood(grid, r, c, old, new):
    if not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != old:
        return 0
    grid[r][c] = new
    return 1 + sum(flood(grid, r + dr, c + dc, old, new) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

memo = {}
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in memo:
        memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[key]

def queens(n, row=0, cols=0, d1=0, d2=0):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if not (cols >> c) & 1 and not (d1 >> (row + c)) & 1 and not (d2 >> (row - c + n)) & 1:
            count += queens(n, row + 1, cols | 1 << c, d1 | 1 << (row + c), d2 | 1 << (row - c + n))
    return count

print(permutations("abc"), len(permutations("abcde")))
print(subsets([1, 2, 3]), len(subsets(list(range(10)))))
data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0]
print(merge_sort(data), quicksort(data) == sorted(data))
print(hanoi(3), len(hanoi(10)))
grid = [list(row) for row in ["..#..", ".##..", "#...#", "..#.."]]
print(flood(grid, 0, 0, ".", "o"), ["".join(r) for r in grid])
print(ackermann(2, 3), ackermann(3, 3))
print([partitions(n, n) for n in range(1, 15)], partitions(100, 100))
print([queens(n) for n in range(1, 9)])
def depth(nested):
    return 1 + max((depth(x) for x in nested if isinstance(x, list)), default=0)
print(depth([1, [2, [3, [4]], [5]]]), depth([]))
