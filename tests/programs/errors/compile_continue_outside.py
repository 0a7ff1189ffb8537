# tests: compile error: 'continue' not properly in loop
print("never")
def f():
    continue
