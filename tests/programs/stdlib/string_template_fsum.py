# tests: string.Template (substitute, safe_substitute, $$ escapes, braced names, invalid placeholders with line/column, identifiers) and math.fsum edge cases (empty, signed zero, infinities, NaN, overflow, half-even rounding)
import math
from string import Template
t = Template("$who likes ${what}s, costs $$${price} $who")
print(t.substitute(who="tim", what="kiwi", price=3), t.template)
print(t.safe_substitute(who="ann"), t.get_identifiers(), t.is_valid())
print(Template("${a}b$c").substitute({"a": 1}, c=2), Template("$$").substitute(), Template("a$").safe_substitute())
for bad in ["tail $", "x ${1} y", "line1\\n  $ 2", "$}"]:
    tt = Template(bad.replace("\\\\n", "\\n"))
    try:
        tt.substitute(x=1)
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
    print(tt.is_valid(), tt.safe_substitute())
try:
    Template("$missing").substitute()
except KeyError as e:
    print("KeyError", e)
print(Template("$x$y").substitute(x=1, y=[2]), Template("${x}_1").substitute(x="v"), Template("$x_1").safe_substitute(x="v"))
fsum_tests = [[], [0.0], [-0.0], [1e308, 1e308, -1e308], [0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50],
         [float("inf"), 1.0], [float("inf"), float("-inf")], [float("nan"), 1.0], [1.0, 2.0 ** -53, 2.0 ** -106],
         [2.0 ** 53, -0.5, -2.0 ** -54], [1e16, 1.0, 1e-16], [-1e308, -1e308]]
for t in fsum_tests:
    try:
        print(repr(math.fsum(t)))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
