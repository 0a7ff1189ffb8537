# tests: f-strings (3.12+ grammar): reused quotes, nested f-strings, multiline expressions, backslashes
names = ["ann", "bob"]
print(f"{", ".join(names)}")
print(f"{f"{f"{1 + 1}"}"}")
print(f"{'\n'.join(names)}")
total = f"{
    sum([1, 2, 3])
}"
print(total)
width = 6
print(f"{'x':>{width}}|{'y':<{width - 2}}|")
print(f"{names[0]!r:>{width + 2}}")
