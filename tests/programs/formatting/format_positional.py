# tests: str.format with positional, keyword, index, attribute-free item access
print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=7))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{{literal}} {}".format(5))
print("{!r} {!s}".format("q", "q"))
print("{0}{1}{0}".format("ab", "-"))
print("{:>10}|{:<10}|{:^10}|".format("r", "l", "c"))
print("{a}-{b}".format(**{"a": 1, "b": 2}), "{}-{}".format(*[3, 4]))
for bad in ["{} {}", "{2}", "{x}", "{0} {}"]:
    try:
        print(bad.format(1))
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__ + ":", e)
