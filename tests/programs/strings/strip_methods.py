# tests: strip lstrip rstrip with and without chars argument
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xyhiyx".strip("xy")), repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")))
print(repr("".strip()), repr("    ".strip()), repr("no-op".strip()))
print(repr("..hello..".strip(".")), repr("\u3000wide\u3000".strip()))
print(repr("www.example.com".strip("cmowz.")))
print(repr("  a b  ".strip(" a")))
print(repr("prefix_body".removeprefix("prefix_")), repr("body.py".removesuffix(".py")), repr("x".removeprefix("y")))
