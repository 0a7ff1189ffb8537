# tests: dict updates in a hot loop: counting residues and pseudo-random keys
counts = {}
x = 12345
for i in range(30000):
    x = (x * 1103515245 + 12345) % 2147483648
    k = x % 97
    counts[k] = counts.get(k, 0) + 1
print(len(counts), min(counts.values()), max(counts.values()), counts[0], counts[96])
print(sum(counts.values()))
