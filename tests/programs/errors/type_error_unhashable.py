# tests: uncaught TypeError for an unhashable dict key
d = {}
d[(1, 2)] = "ok"
print(d)
d[[1, 2]] = "bad"
