# tests: non-ASCII text: len, upper/lower, ord/chr, iteration, comparison
t = "héllo wörld ✓"
print(t, len(t))
print(t.upper(), t.title(), t.capitalize())
print("ÄÖÜ".lower(), "straße".upper(), len("straße".upper()))
print([ord(c) for c in "é✓😀"])
print(chr(233), chr(10003), chr(128512), chr(0x41))
for ch in "añ😀":
    print(ch, ord(ch), hex(ord(ch)))
print("é" > "e", "z" < "é", "😀" > "✓")
print("日本語テキスト"[2:4], len("日本語"))
print("ΑΒΓ".lower(), "αβγ".upper())
print(repr("héllo"), repr("tab\there"), repr("new\nline"), repr("quote'"), repr('dq"'), repr("both'\""))
print(repr("\x00\x7f"), repr("\u200b"), repr("\\"))
print("café".find("é"), "naïve".index("ï"), "✓✓✓".count("✓"))
print("ß".isalpha(), "٣".isdigit(), "½".isdigit(), "Ω".isupper())
