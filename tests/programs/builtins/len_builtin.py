# tests: len of every container type and error for non-sized
print(len(""), len("héllo"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(0, 10, 3)))
print(len("😀"), len([[]]), len(frozenset()), len(range(10 ** 6)))
for bad in [5, 1.5, None, True]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
