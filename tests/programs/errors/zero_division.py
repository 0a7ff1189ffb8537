# tests: uncaught ZeroDivisionError after output; stdout still appears
print("before the error")
x = 10
y = x - 10
print(x / y)
print("never printed")
