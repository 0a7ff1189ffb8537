# tests: uncaught TypeError calling an int
value = 5
print("calling", value)
value()
