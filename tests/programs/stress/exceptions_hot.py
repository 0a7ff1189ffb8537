# tests: exceptions raised and caught in a hot loop (10000 iterations)
caught = 0
ok = 0
for i in range(10000):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        ok += 100 // (i % 5)
    except ValueError:
        caught += 1
    except ZeroDivisionError:
        caught += 1000
print(caught, ok)
