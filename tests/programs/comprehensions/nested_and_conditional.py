# tests: nested comprehensions, conditional expressions inside them, dict/set comprehensions with computed keys, comprehension over generators and zip, flattening and grouping
words = ["apple", "Banana", "cherry", "date", "Elder", "fig", "grape"]
print([w.lower() for w in words if len(w) > 4])
print([w if w[0].isupper() else w.upper() for w in words])
print({w[0].lower(): len(w) for w in words})
print({len(w) for w in words}, sorted({c for w in words for c in w if c in "aeiou"}))
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid, [cell for row in grid for cell in row if sum(cell) % 2 == 0])
flat = [x for sub in [[1, 2], [], [3], [4, 5, 6]] for x in sub]
print(flat, [[x * y for y in range(1, 4)] for x in range(1, 4)])
pairs = [(a, b) for a in range(1, 20) for b in range(a, 20) if a * a + b * b in {c * c for c in range(1, 30)}]
print(pairs)
scores = {"ann": [90, 85], "bob": [70], "cy": []}
print({name: (sum(s) / len(s) if s else None) for name, s in scores.items()})
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
print([(i, c) for i, c in enumerate("hello") if c != "l"], [a + b for a, b in zip("abc", "xyz")])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [sum(col) for col in zip(*matrix)])
groups = {}
for w in words:
    groups.setdefault(len(w), []).append(w)
print({k: sorted(v) for k, v in sorted(groups.items())})
print([n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))])
print({(x, y): x * y for x in range(3) for y in range(3) if x <= y})
print([[c for c in w] for w in ["ab", "c"]], ["".join(reversed(w)) for w in words[:3]])
print([x for x in (y * 2 for y in range(5)) if x > 2], sum(1 for w in words if "e" in w))
fizz = ["FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i for i in range(1, 16)]
print(fizz)
print(dict.fromkeys([w[0] for w in words], 0), list({w.lower()[0]: w for w in words}.values()))
