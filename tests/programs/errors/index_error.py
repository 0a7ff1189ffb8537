# tests: uncaught IndexError list index out of range after output
items = [1, 2, 3]
for i in range(4):
    print(items[i])
