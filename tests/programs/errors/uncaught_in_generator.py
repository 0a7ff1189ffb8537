# tests: an exception escaping a generator consumed by a for loop and a comprehension (exit code 1)
def numbers(limit):
    for i in range(limit):
        if i == 3:
            raise OverflowError(f"limit hit at {i}")
        yield i * i

print([n for n in numbers(3)])
total = 0
for n in numbers(10):
    total += n
    print("running total", total)
