# tests: !r vs !s conversions and %r vs %s for various types
items = ["text", 'q"uote', "it's", 5, 2.5, None, True, [1, "a"], ("t",), {"k": "v"}]
for it in items:
    print(f"{it!s} | {it!r} | {it}", "|", "%s | %r" % (it, it))
print("{0!r:>10}|{0!s:<6}|".format("ab"))
