# tests: list operations in ordinary algorithms: in-place sort with keys, slicing assignment, insert/remove/index, list as stack and queue, rotation, dedup preserving order, chunking, two-pointer techniques
data = [5, 3, 8, 1, 9, 2, 7]
data.sort()
print(data, data[::-1], data[1:-1:2])
data[2:4] = ["a", "b", "c"]
print(data)
data[::2] = [0] * len(data[::2])
print(data)
del data[1::3]
print(data)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort(key=str.lower)
print(words)
words.sort(key=lambda w: (len(w), w), reverse=True)
print(words)
stack = []
for ch in "([]{()})":
    if ch in "([{":
        stack.append(ch)
    else:
        opener = stack.pop()
        print(opener + ch, end=" ")
print(len(stack))
queue = list(range(5))
queue.insert(0, -1)
queue.append(5)
print(queue.pop(0), queue.pop(), queue, queue.index(3), queue.count(1))
queue.remove(2)
print(queue)
try:
    queue.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    queue.index(42)
except ValueError as e:
    print("ValueError:", e)

def rotate(xs, k):
    k %= len(xs)
    return xs[-k:] + xs[:-k]
print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3], -1))
def dedup(xs):
    seen = set()
    return [x for x in xs if not (x in seen or seen.add(x))]
print(dedup([3, 1, 3, 2, 1, 4]))
def two_sum(nums, target):
    nums = sorted(nums)
    i, j = 0, len(nums) - 1
    while i < j:
        s = nums[i] + nums[j]
        if s == target:
            return nums[i], nums[j]
        if s < target:
            i += 1
        else:
            j -= 1
    return None
print(two_sum([10, 4, 7, 1, 8], 15), two_sum([1, 2], 10))
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
alias = [[0] * 3] * 3
alias[1][1] = 5
print(grid, alias)
a = [1, 2, 3]
b = a
b += [4]
c = a + [5]
print(a, b is a, c, a * 2, [a] * 2)
print(sorted([3, 1, 2]) == [1, 2, 3], [1, 2] < [1, 2, 0], max([[1, 2], [1, 3]]), list(reversed(a)), a.copy() is a)
nums = list(range(10))
print(nums[-3:], nums[:-7], nums[100:], nums[-100:2], nums[3:3], nums[::-3])
matrix = [[1, 2], [3, 4], [5, 6]]
print([list(r) for r in zip(*matrix)], [x for r in matrix for x in r], sum(matrix, []))
a.extend(range(3))
a.clear()
print(a, b)
