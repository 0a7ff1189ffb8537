# tests: len/ord/chr/sorted/reversed/min/max on strings, str methods chaining
s = "Hello, World"
print(len(s), sorted(s), list(reversed(s))[:3])
print(s.lower().replace(",", "").split())
print("-".join(s.upper().split(", ")))
print(ord("A"), chr(ord("A") + 25), [chr(c) for c in range(97, 102)])
print(" x ".strip().upper().center(7, "_"))
print(str.upper("abc"), str.join(",", ["1", "2"]))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
