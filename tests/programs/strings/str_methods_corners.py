# tests: str methods and formatting corners: removeprefix/suffix, maketrans/translate, titlecase digraphs and ligatures, the 0 flag with explicit alignment (numbers, inf/nan, strings), printf-style * widths
s = "Hello, World"
print(s.removeprefix("Hello"), s.removesuffix("World"), s.partition(", "), s.index("o", 5), s.rindex("o"))
print(s.center(20, "="), s.ljust(3), s.zfill(15), s.count(""), s.split(", ", maxsplit=1), s.rsplit(maxsplit=1))
print("a\tb".expandtabs(), "ABC".lower().islower(), "x".isidentifier(), "1x".isidentifier(), "Ⅻ".isnumeric(), "²".isdigit(), "½".isdecimal())
print("%s" % (1,), "%d%%" % 5, "%5.2s|" % "abc", "%+.3e" % 1234.5, "%x %X %#o" % (255, 255, 8), "%(a)s-%(b)r" % {"a": 1, "b": "x"})
print(str.maketrans("ab", "xy"), "abcab".translate(str.maketrans("ab", "xy")), "abc".translate({97: None, 98: "BB"}))
print("title case words".title(), "o'neil mc-donald".title(), "ǆemal".title(), "İ".lower(), len("İ".lower()))
print("a,b;c".replace(";", ",").split(","), ",".join([]), "".join(reversed("abc")), "abc"[::-1] == "cba")
print("{:*^11}".format("mid"), "{0!r:>6}".format("q"), "{:,.3f}".format(1234.5678), "{:>+08.2f}".format(3.14159))
print("%-10s|" % "hi", "%*d" % (5, 42), "%.*f" % (2, 3.14159), "%c" % 65)
print("x".encode() if False else "-", str(b"ab") if False else "-", "ß".upper(), "ﬁ".upper(), "ǅ".upper(), "ǅ".title())
print("abc".startswith(("x", "a")), "abc".endswith("bc", 0, 3), "abc".find("c", -1), "aaa".replace("a", "b", 2), "a b".split(" ", -1))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower), max("abc", "abd"), "Z" < "a")
for v in [3.14159, -2.5, 42, -7, float("inf"), float("nan"), 1234567.5]:
    for spec in ["010.2f", ">010.2f", "<010", "^010", "=+010", "*>010", "010,", "+010.1e", ">+08.2f", "010"]:
        try:
            print(repr(format(v, spec)), end=" ")
        except ValueError as e:
            print("VE", end=" ")
    print()
print(repr(format("ab", "05")), repr(format("ab", ">05")), repr(format(True, "05")))
for s in ["ǆemal", "ǅ", "ß", "straße maß", "ﬁsh ﬂy", "ǉubljana", "hello WORLD", "ǳ"]:
    print(s.title(), s.capitalize(), s.istitle(), s.title().istitle())
