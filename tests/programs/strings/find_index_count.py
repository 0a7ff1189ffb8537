# tests: find rfind index rindex count startswith endswith (with tuples and ranges)
s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find("a", 1), s.find("a", 1, 3), s.find(""))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind("a", 0, 5))
print(s.index("c"), s.rindex("a"), s.count("a"), s.count("bra"), s.count(""), s.count("a", 5))
print("aaaa".count("aa"), "aaaa".find("aa", 1))
print(s.startswith("abra"), s.startswith("bra"), s.startswith("bra", 1), s.startswith(("x", "ab")))
print(s.endswith("bra"), s.endswith("cad", 0, 7), s.endswith(("q", "ra")), s.endswith(""))
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError:", e)
print("hello" in "say hello", "" in "abc", "abc" in "")
