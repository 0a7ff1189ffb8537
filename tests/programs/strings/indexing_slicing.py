# tests: str code-point indexing and slicing incl. negative indices and steps
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-4])
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[:])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[-1:-5:-1])
print(s[100:], s[-100:3], s[5:2], repr(s[5:2]), s[3:3] == "")
print(s[1:9:3], s[9:0:-3], s[::10], s[::-10])
u = "héllo wörld ✓"
print(len(u), u[1], u[-1], u[7], u[::-1], u[6:11])
e = "a😀b🎉c"
print(len(e), e[1], e[3], e[::2], e[::-1])
try:
    s[10]
except IndexError as ex:
    print("IndexError:", ex)
print(s[-10], s[9])
