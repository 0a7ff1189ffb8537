# tests: thousands separators and underscore grouping for ints and floats
for v in [0, 999, 1000, -1000, 1234567, 10 ** 15, -(10 ** 9) - 1]:
    print(f"{v:,} {v:_} {v:>15,} {v:015,}")
print(f"{1234567.891:,.2f} {1234567.891:_.3f} {0.5:,}")
print(f"{0xDEADBEEF:_x} {0b11110000:_b} {0o7777:_o}")
