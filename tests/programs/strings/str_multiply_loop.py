# tests: building strings in loops, triangles with * repetition, slicing in loops
for i in range(1, 6):
    print(" " * (5 - i) + "*" * (2 * i - 1))
word = "abcdef"
for i in range(len(word)):
    print(word[i:] + word[:i])
acc = []
for i in range(0, 26, 5):
    acc.append(chr(97 + i) * (i // 5 + 1))
print(acc)
print("".join(["%d" % i for i in range(10)]))
