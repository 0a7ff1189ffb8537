# tests: format spec errors messages
cases = [
    lambda: "{:d}".format(1.5),
    lambda: "{:d}".format("s"),
    lambda: "{:x}".format(1.5),
    lambda: format("s", "d"),
    lambda: "{:,s}".format("x"),
    lambda: f"{1:q}",
    lambda: "{".format(1),
    lambda: "}".format(1),
]
for c in cases:
    try:
        print(c())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
