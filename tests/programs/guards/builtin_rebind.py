# tests: rebinding a builtin (len) as a global mid-loop, then deleting it to restore the builtin
data = [1, 2, 3]
seen = []
for i in range(6):
    if i == 2:
        len = lambda x: -1
    if i == 4:
        del len
    seen.append(len(data))
print(seen)
