# tests: int/float/str method corners (bit_count, as_integer_ratio, is_integer, __int__/__float__/__index__ as attributes, format_map, nested format widths), print() separators and flush, reversed dict views, sort with failing keys, extended-slice assignment
print((255).bit_count(), (10).bit_length(), (-5).conjugate() if hasattr(int, "conjugate") else "-", (7).as_integer_ratio(), int.from_bytes if False else "-")
print((3.5).as_integer_ratio(), (2.0).is_integer(), (1e300).hex() if False else "-", float.is_integer(3.0), (10).__index__())
print("{name} is {age}".format_map({"name": "x", "age": 3}), "a{0}b{0}".format(1), "{:{w}}|".format("x", w=4))
print("a", "b", sep="", end="|\n", flush=True)
print(*[1, 2], sep=", ")
print()
print("tab\tsep", end="")
print(" after")
import sys
sys.stdout.flush()
print(list(reversed({"a": 1, "b": 2}.items())), list(reversed({"a": 1}.values())), list(reversed(dict.fromkeys("xyz"))))
m = {"b": 1, "a": 2}
print(sorted(m.items(), key=lambda kv: kv[1], reverse=True), min(m, key=m.get), next(reversed(m)))
print(max([], default=None), max([2, 2, 1], key=lambda x: x), sorted("bca", reverse=True), sorted((3, 1)), sorted({3: 1, 1: 2}))
x = [3, 1, 2]
print(x.sort() is None, x, sorted(x, key=lambda v: -v), list.sort.__name__ if False else "-")
try:
    [1, 2].sort(key=lambda v: v / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
nums = [1, 2, 3, 4, 5, 6]
print(nums[::2], nums[1::2], nums[-2::-2], nums[10:1:-3], sum(nums[::3]), nums[:0])
nums[::2] = "abc"
print(nums)
try:
    nums[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
print((2.7).__int__(), (-2.7).__int__(), (3).__float__(), True.__index__(), (5).__int__())
try:
    (2.5).__index__()
except AttributeError as e:
    print(e)
