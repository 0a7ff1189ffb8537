# tests: compile error: 'break' outside loop
print("never")
if True:
    break
