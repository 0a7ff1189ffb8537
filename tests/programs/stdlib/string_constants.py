import string

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
             "hexdigits", "octdigits", "punctuation", "whitespace", "printable"]:
    value = getattr(string, name)
    print(name, len(value), repr(value))
print(string.capwords("hello   wide  world"))
print(string.capwords("a-b-c", "-"))
print(all(c in string.printable for c in "Hello, World!\n"))
from string import digits, ascii_lowercase as low
print(digits[::-1], low[:5])
