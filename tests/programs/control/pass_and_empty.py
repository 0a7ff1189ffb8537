# tests: pass in bodies, empty loops, loops with only else, ellipsis statement
for _ in range(3):
    pass
if True:
    pass
else:
    pass
while False:
    pass
else:
    print("else of never-run while")
def stub():
    ...
print(stub(), ...)
x = 0
for x in range(0):
    pass
print(x)
