# tests: finally runs before uncaught exception terminates the program
try:
    print("in try")
    [].pop()
finally:
    print("finally still prints")
