# tests: split with/without sep, maxsplit, rsplit, join, splitlines
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c,".split(","))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a,b,c,d".split(",", 0))
print("a b c d".split(None, 1), "a b c d".rsplit(None, 1), "  a b  ".rsplit())
print("".split(), "".split(","), "abc".split("abc"), "aXXbXXc".split("XX"))
print("one::two::three".split("::", -1))
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join("abc"), "|".join([]))
print("line1\nline2\r\nline3\rline4".splitlines())
print("a\n\nb\n".splitlines(), "a\nb\n".splitlines(True), "".splitlines())
print("x".join(["1", "2", "3"]).split("x"))
try:
    "a b".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
