# tests: iterating strings, in / not in, enumerate over chars, building strings
word = "mississippi"
counts = {}
for ch in word:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print([c for c in word if c not in "aeiou"])
print("ss" in word, "pp" in word, "sp" not in word)
for i, ch in enumerate("héy"):
    print(i, ch)
vowels = 0
for c in "The Quick Brown Fox":
    if c.lower() in "aeiou":
        vowels += 1
print(vowels)
print("".join([c.upper() if i % 2 else c for i, c in enumerate("alternating")]))
