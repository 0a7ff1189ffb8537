# tests: str methods in a hot loop: split, join, upper, find, replace on small strings
words = "the quick brown fox jumps over the lazy dog".split()
total = 0
hits = 0
for i in range(5000):
    w = words[i % len(words)]
    u = w.upper()
    total += len(u) + u.find("O")
    if w.startswith("t") or "o" in w:
        hits += 1
    w2 = w.replace("o", "0")
    total += w2.count("0")
print(total, hits)
