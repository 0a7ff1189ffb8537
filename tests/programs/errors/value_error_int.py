# tests: uncaught ValueError from int('x')
print(int("12"))
print(int("x"))
