# tests: str immutability errors and building via lists
s = "abc"
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
chars = list(s)
chars[0] = "z"
print("".join(chars), s)
t = s
s += "d"
print(s, t)
try:
    s.foo
except AttributeError as e:
    print("AttributeError:", e)
