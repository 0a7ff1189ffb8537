# tests: min/max with key= and default=, ties return first, multiple args vs iterable
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max([1, 2, 3], key=lambda x: x % 2), min([1, 2, 3], key=lambda x: x % 2))
print(max([], default=None), min([], key=len, default="none"), max([7], default=0))
print(max(2, 9, 4, key=lambda x: -x), min("b", "a", "c"))
print(max([(1, "b"), (1, "a"), (0, "z")]), min({"x": 3, "y": 1}))
try:
    max([1, 2], 3)
except TypeError as e:
    print("TypeError:", e)
