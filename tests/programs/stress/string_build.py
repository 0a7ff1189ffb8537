# tests: string building in a loop (concatenation and join), 20000 iterations
s = ""
for i in range(20000):
    s += chr(97 + i % 26)
print(len(s), s[:30], s[-5:], s.count("a"))
parts = []
for i in range(10000):
    parts.append(str(i))
joined = ",".join(parts)
print(len(joined), joined[:20], joined[-20:])
