# tests: width/alignment counted in code points with non-ASCII text
for s in ["é", "héllo", "✓✓", "日本", "😀"]:
    print(f"[{s:<6}] [{s:>6}] [{s:^6}] [{s:-^7}]", "[%5s]" % s, "[" + s.ljust(4, ".") + "]")
