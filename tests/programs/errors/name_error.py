# tests: uncaught NameError name 'x' is not defined
print("looking up x")
print(x)
