# tests: emoji and astral-plane characters: len, indexing, slicing, methods
s = "I ❤ 🐍 and 🦀!"
print(s, len(s))
print(s[2], s[4], s[-2], s[4:5])
print(s.split(" "))
print(s.replace("🐍", "python"), s.find("🦀"), s.count("🐍"))
print(s.upper(), s[::-1])
print("🎉".center(5, "*"), "😀" * 3, "😀😁😂".index("😂"))
print([hex(ord(c)) for c in "🐍🦀"])
print(" ".join(sorted("🦀🐍😀")))
print("x🐍y".partition("🐍"))
