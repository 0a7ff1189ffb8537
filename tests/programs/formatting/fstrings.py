# tests: f-strings with expressions, !r/!s, nested specs {x:{w}}, = specifier
name = "World"
n = 7
x = 3.14159
w = 10
p = 3
print(f"Hello, {name}!")
print(f"{n * 6} {n + 0.5} {n // 2} {n % 3} {-n}")
print(f"{name!r} {name!s} {[name]!r}")
print(f"[{x:{w}}] [{x:{w}.{p}f}] [{name:>{w}}] [{name:^{w}}]")
print(f"{x=}", f"{n=}", f"{name=}", f"{n * 2=}", f"{x = :.2f}", f"{name=!s}")
print(f"{'nested'} {f'{n}'} {'quoted' + '!'}")
print(f"{{braces}} {n}{{}}")
print(f"{[i * i for i in range(4)]}")
print(f"{ {'k': 1}['k'] }")
print(f"{n:03d} {n:x} {n:#b} {255:_x} {1e6:,.1f}")
d = {"a": 1}
print(f"{d['a']} {len(d)} {(lambda v: v + 1)(n)}")
print(f"{n if n > 5 else 0} {'yes' if n else 'no'}")
print(f"""triple {name}
second line {n}""")
print(f"{3.0:g} {1/3:.4} {2**100}")
s = "é✓"
print(f"{s:*^8}|{s!r}")
