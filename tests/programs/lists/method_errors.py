# tests: list method errors: pop empty, pop out of range, remove missing, index missing
cases = [
    lambda: [].pop(),
    lambda: [1].pop(5),
    lambda: [1, 2].remove(3),
    lambda: [1, 2].index(3),
    lambda: [1, 2][2],
    lambda: [1, 2][-3],
    lambda: [1, 2]["x"],
    lambda: [1, 2].insert(),
]
for c in cases:
    try:
        print(c())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
lst = [1, 2]
try:
    lst[5] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    del lst[5]
except IndexError as e:
    print("IndexError:", e)
