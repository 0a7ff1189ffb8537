# tests: the format mini-language on user data: fill/align/width/precision, sign, grouping, alternate forms, nested replacement fields, format_map-free str.format with indexes and attributes, f-string debugging with =
class P:
    def __init__(self):
        self.x, self.y = 3, -4.5
p = P()
data = {"name": "widget", "qty": 1234567, "price": 9.8765}
print("{0[name]:>10}|{0[qty]:,}|{0[price]:.2f}".format(data))
print("{p.x} {p.y:+.1f} {p.x:03d}".format(p=p), "{0}{1}{0}".format("ab", "-"))
for spec in ["<10", ">10", "^10", "*^10", "=+10", "010", "+", " ", "_", ",", ".3", "e", ".2%", "#x", "#o", "#b", "c"]:
    try:
        print(f"[{spec:>5}] int={format(65, spec)!r:16} float={format(65.0, spec) if spec not in ('#x', '#o', '#b', 'c') else '-'!r}")
    except ValueError as e:
        print(f"[{spec:>5}] ValueError: {e}")
width, prec = 12, 3
print(f"{3.14159265:{width}.{prec}f}|", f"{'left':<{width}}|", f"{42:^{width}d}|")
value = 17
print(f"{value=}", f"{value * 2 = }", f"{p.x=}, {data['qty']=:,}")
print("{:>8.3s}|{:<6}|{!r:>8}".format("truncate", True, "r"))
print(f"{-0.0:.1f} {float('inf'):>6} {float('nan'):+} {1e-5:.0e} {123.456:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f}")
print(f"{12345678:_d} {0xFFFF:_x} {255:08b} {-255:#06x} {3:>+5} {3:<+5}|")
table = [("apples", 3, 0.5), ("kiwis", 12, 0.25), ("melons", 1, 3.0)]
for name, n, price in table:
    print(f"{name:<8}{n:>4} x {price:>5.2f} = {n * price:>6.2f}")
print("%(name)s costs %(price).1f" % data, "%5.1f%%" % 12.345, "%c%c" % (72, "i"), "%r" % "x", "%-6d|" % 5)
