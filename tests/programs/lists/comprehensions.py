# tests: list comprehensions nested, with conditions, with multiple fors, scoping of loop var
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print([x if x % 2 else -x for x in range(6)])
print([c.upper() for c in "abc" if c != "b"])
x = "outer"
print([x for x in range(3)], x)
print([i * j for i in range(1, 4) for j in range(1, 4) if i != j])
words = ["hello", "world", "py"]
print([w[::-1] for w in words if len(w) > 2])
print([[row[i] for row in [[1, 2], [3, 4]]] for i in range(2)])
