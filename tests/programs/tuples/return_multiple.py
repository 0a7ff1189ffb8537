# tests: functions returning tuples, unpacking results, divmod-like helpers
def stats(nums):
    return min(nums), max(nums), sum(nums) / len(nums)
lo, hi, avg = stats([4, 8, 15, 16, 23, 42])
print(lo, hi, avg)
r = stats([1, 2])
print(r, r[2])
def swap(a, b):
    return b, a
print(swap(1, "x"))
def minmax_pairs(pairs):
    out = []
    for a, b in pairs:
        out.append((min(a, b), max(a, b)))
    return out
print(minmax_pairs([(3, 1), (2, 5), (7, 7)]))
