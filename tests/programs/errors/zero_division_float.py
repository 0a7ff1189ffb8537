# tests: uncaught ZeroDivisionError from float division inside a function
def ratio(a, b):
    return a / b
print(ratio(1.0, 4.0))
print(ratio(1.0, 0.0))
