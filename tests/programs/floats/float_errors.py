# tests: 1/0, 1.0/0, 1%0, 1.0//0.0, 2.0**10000 OverflowError, math-domain-like errors
tests = [
    lambda: 1 / 0,
    lambda: 1.0 / 0,
    lambda: 1 // 0,
    lambda: 1.0 // 0.0,
    lambda: 1 % 0,
    lambda: 5.5 % 0,
    lambda: divmod(1, 0),
    lambda: divmod(1.0, 0.0),
    lambda: 2.0 ** 10000,
    lambda: 10.0 ** 400,
    lambda: 0.0 ** -1,
    lambda: 0 ** -1,
    lambda: (-8.0) ** 0.5 if False else (-8) ** 2,
]
for t in tests:
    try:
        print("result", t())
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    except OverflowError as e:
        print("OverflowError:", e)
print(2.0 ** 1000, 2 ** 10000 > 0)
print(1e308 + 1e308, 1e308 * 1e308)
