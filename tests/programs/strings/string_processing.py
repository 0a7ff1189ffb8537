# tests: string methods in text processing: split/join/partition, strip variants, case methods, find/replace/count, alignment, startswith with tuples, translate-free character mapping, splitlines, zfill, expandtabs, isdigit family
line = "  name: Ada Lovelace ; born: 1815 ; field: mathematics  "
fields = dict(part.strip().split(": ", 1) for part in line.strip().split(";"))
print(fields)
print("key=value=more".partition("="), "no-separator".partition("="), "a.b.c".rpartition("."))
print("xxhixx".strip("x"), "--a--".lstrip("-"), "--a--".rstrip("-"), "  \t\n x \n".strip())
print("hello world".title(), "Hello".swapcase(), "ß".upper(), "ǅ".lower(), "straße".casefold())
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("dog"), s.index("sat"), s.count("at"), s.count("at", 10))
print(s.replace("at", "og"), s.replace("at", "og", 1), s.replace("", "-")[:12])
print("|" + "mid".center(9, "*") + "|", "|" + "l".ljust(4) + "|", "|" + "r".rjust(4, ".") + "|")
print("file.tar.gz".endswith((".gz", ".zip")), "IMG_001".startswith(("IMG", "DSC")), "abc".startswith("b", 1))
print("line1\nline2\r\nline3\n".splitlines(), "a\n\nb".splitlines(keepends=True), "".splitlines())
print("42".zfill(5), "-42".zfill(5), "a\tb\tc".expandtabs(4), "x".join("abc"), ", ".join(map(str, range(4))))
print("123".isdigit(), "12.3".isdigit(), "abc".isalpha(), "abc1".isalnum(), "   ".isspace(), "Title Case".istitle(), "UP".isupper())
print("a,b,,c".split(","), "a b  c".split(), "a b c".split(" ", 1), "a,b,c".rsplit(",", 1), "".split(","))
print("%s has %d items costing %.2f" % ("cart", 3, 9.5), "%-5s|%5s|" % ("ab", "cd"), "%05.1f %x %o %e" % (3.14159, 255, 8, 12345.678))
vowels = "aeiou"
print("".join(c for c in "programming language" if c not in vowels), sum(c in vowels for c in "education"))
word = "racecar"
print(word == word[::-1], "level".upper()[::-1], sorted("banana"), "".join(sorted(set("mississippi"))))
print(ord("A"), chr(97), [ord(c) - 96 for c in "abc"], "".join(chr(ord(c) + 1) for c in "HAL"))
print(str(123).rjust(6, "0"), "{:>8}|{:<8}|{:^8}".format("r", "l", "c"), f"{'nested':{'>'}{10}}")
print("CamelCaseString".replace("C", "_c").lower().lstrip("_"), "snake_case_name".split("_"))
camel = "".join(w.capitalize() if i else w for i, w in enumerate("make this camel".split()))
print(camel, "tab\tsep".split("\t"), repr("quote's"), repr('dq"'), "multi\nline".count("\n"))
print("abc" * 3, "-" * 10, "a" in "abc", "" in "abc", "abc" < "abd", "Z" < "a", min("hello"), max("hello"))
print("encyclopedia"[2:7], "encyclopedia"[-4:], "encyclopedia"[::3], len("héllo wörld"), "héllo".upper())
