# tests: uncaught AssertionError with message
values = [1, 2, 3]
assert len(values) == 3, "three values"
print(sum(values))
assert sum(values) > 10, "sum too small: " + str(sum(values))
