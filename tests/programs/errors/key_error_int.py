# tests: uncaught KeyError with an int key and from set.remove
s = {1, 2}
s.remove(1)
print(sorted(s))
s.remove(7)
