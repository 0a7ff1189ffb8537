# tests: lambda expressions, lambdas with defaults, immediately invoked, in sort keys and maps
sq = lambda x: x * x
print(sq(7), (lambda a, b=10: a + b)(1), (lambda *a: len(a))(1, 2, 3), (lambda **k: sorted(k))(z=1, a=2))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
print(sorted([-3, 1, -2], key=lambda v: abs(v)), list(map(lambda s: s[::-1], ["ab", "cd"])))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
print((lambda: "no args")())
