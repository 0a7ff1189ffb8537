# tests: AttributeError messages on builtin types
for obj, attr in [(5, "foo"), (1.5, "bar"), ("s", "nope"), ([], "push"), ({}, "has_key"), (None, "x"), ((), "append"), (True, "y")]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print(e)
try:
    (5).foo
except AttributeError as e:
    print("AttributeError:", e, e.args)
print(getattr(5, "foo", "default"), hasattr("s", "upper"), hasattr(5, "foo"))
