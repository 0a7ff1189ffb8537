# tests: syntax error: illegal target for augmented assignment
x = 1
x + 1 += 2
