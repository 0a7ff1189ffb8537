# tests: float(str) parsing incl. exponents, underscores, whitespace, specials, errors
for s in ["3.14", "  -2.5  ", "1e3", "1E-3", ".5", "5.", "+.5e1", "1_000.5", "0x10" if False else "10",
          "inf", "-Infinity", "nan", "-nan", "1e400", "-1e400", "4.9e-324", "1e-400", "007.5"]:
    print(repr(s), float(s))
for bad in ["", "abc", "1.2.3", "1e", "_1.0", "1__0.0", "0x10", "- 1.0"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
print(float(3), float(-0), float(10 ** 20), float(True))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
