# tests: %-formatting errors: too few/many args, wrong types
cases = [
    lambda: "%d %d" % (1,),
    lambda: "%d" % (1, 2),
    lambda: "%d" % "x",
    lambda: "%f" % "x",
    lambda: "%z" % 1,
    lambda: "%(a)s" % 5,
]
for c in cases:
    try:
        print(c())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
