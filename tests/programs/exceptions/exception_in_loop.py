# tests: exceptions inside loops, continue after handling, counting failures
data = ["1", "2", "x", "4", "", "6.5", "-7"]
total = 0
bad = []
for s in data:
    try:
        total += int(s)
    except ValueError as e:
        bad.append(str(e))
        continue
    finally:
        pass
print(total)
for b in bad:
    print(b)
results = []
for d in [2, 0, -1, 0, 5]:
    try:
        results.append(10 // d)
    except ZeroDivisionError:
        results.append(None)
print(results)
