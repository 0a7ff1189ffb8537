# tests: str() and repr() of many types, str of containers uses repr of elements
print(str(1), str(-2.5), str(True), str(None), str([1, "a", 2.0]), str((1,)), str({"k": "v"}))
print(repr("it's"), repr('say "hi"'), repr("a\\b"), repr("\n\t\r"), repr("é"))
print([str(x) for x in [0, 1.0, -0.0, "s", None]])
print(str("already"), repr(repr("x")))
print(str(10 ** 20), str(1e20), str(1e21))
print(list("abc"), tuple("xy"), "".join(reversed("stressed")))
print(str([[], [()], {}]), str(("a", ("b",))))
