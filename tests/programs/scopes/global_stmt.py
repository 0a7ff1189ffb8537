# tests: global statement: reading, rebinding, creating globals from functions
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def create():
    global created
    created = "made in function"
create()
print(created)
x = "global x"
def read_only():
    return x
def shadow():
    x = "local x"
    return x
print(read_only(), shadow(), x)
def multi():
    global a, b
    a, b = 1, 2
multi()
print(a, b)
