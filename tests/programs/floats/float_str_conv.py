# tests: str()/repr() of computed floats and round-trip through float(str())
vals = [1 / 7, 2 ** 0.5, 1e-10 / 3, 6.02214076e23, 1.602176634e-19, 299792458.0, 0.1 ** 10]
for v in vals:
    s = repr(v)
    print(s, float(s) == v)
print(str(1.0), str(10.0 ** 15), str(10.0 ** 16), str(-1e-5), str(0.00001234))
print(1.7976931348623157e308, 2.220446049250313e-16)
