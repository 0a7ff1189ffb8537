# tests: uncaught NameError raised inside nested function calls
def outer():
    return inner() + 1
def inner():
    return missing_value
print("start")
outer()
