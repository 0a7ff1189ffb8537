# tests: uncaught TypeError for a missing required argument
def need(a, b, c):
    return a
print(need(1, 2, 3))
need(1)
