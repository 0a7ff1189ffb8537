# tests: comments, line continuation (backslash and brackets), semicolons, pass
x = 1 + \
    2 + \
    3
print(x)  # trailing comment
y = (1 +
     2 +
     3)
print(y)
items = [
    1,
    2,
    3,  # trailing comma
]
print(items)
a = 1; b = 2; print(a + b)
if True: print("one-liner if")
for i in range(2): print("loop", i)
while False: pass
def empty():
    pass
print(empty())
s = ("implicit "
     "concatenation "
     'of strings')
print(s)
