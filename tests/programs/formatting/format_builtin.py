# tests: format() builtin with specs on ints, floats, strs
print(format(42), format(42, "5d"), format(42, "<5") + "|", format(42, "b"), format(-42, "x"))
print(format(3.5, ".3f"), format(3.5, "e"), format(0.5, "%"), format(1234.5, ","))
print(format("s", ">3"), format("text", ".2"), format(True, "d"), format(True))
print(format(1e16), format(1e-5), format(123.0, "g"), format(1e16, "f"))
print(format(-0.0, ".1f"), format(float("inf"), ">6"), format(float("nan"), "f"))
print(format(255, "#06x"), format(255, "#010b"), format(-1, "#x"))
