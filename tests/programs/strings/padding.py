# tests: center ljust rjust zfill expandtabs with fill chars
for w in [0, 3, 8, 9]:
    print(repr("abc".center(w)), repr("abc".ljust(w)), repr("abc".rjust(w)), repr("abc".center(w, "*")))
print(repr("ab".center(5, "-")), repr("ab".center(6, "-")), repr("abc".center(6, "-")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "12345".zfill(3), "".zfill(2))
print("x".ljust(4, "."), "x".rjust(4, "."), "é".center(5, "✓"))
print(repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
