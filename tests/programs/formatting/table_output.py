# tests: aligned table output with str.format, f-strings and %-formatting
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 150, 2.125), ("kiwi", 7, 10.0)]
print(f"{'name':<10}|{'qty':>5}|{'price':>8}")
print("-" * 25)
total = 0.0
for name, qty, price in rows:
    total += qty * price
    print(f"{name:<10}|{qty:>5}|{price:>8.2f}")
print("{:<10}|{:>5}|{:>8.2f}".format("total", sum([r[1] for r in rows]), total))
for name, qty, price in rows:
    print("%-10s|%5d|%8.3f" % (name, qty, price))
