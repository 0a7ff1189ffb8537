# tests: int() of strings with bases, underscores, whitespace, signs, prefixes
print(int("42"), int("-42"), int("+42"), int("  17  "), int("\t-3\n"))
print(int("1_000_000"), int("0"), int("-0"), int("000123"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("1010", 2), int("0b1010", 0))
print(int("z", 36), int("ZZ", 36), int("10", 36))
print(int("-1_0", 10), int("1_0", 16), int("0x_1f", 16))
print(int("99999999999999999999999999"))
print(int("  -123456789012345678901234567890  "))
print(int("10", 0), int("0", 0))
for bad in ["", " ", "1.5", "1__0", "_1", "1_", "abc", "0x", "12a", "- 1"]:
    try:
        int(bad)
        print("ok?", repr(bad))
    except ValueError as e:
        print(e)
try:
    int("12", 2)
except ValueError as e:
    print(e)
try:
    int("010", 0)
except ValueError as e:
    print(e)
