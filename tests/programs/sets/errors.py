# tests: set errors: unhashable element, indexing a set, remove missing
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    s = {1, 2}
    s[0]
except TypeError as e:
    print("TypeError:", e)
try:
    set().remove(0)
except KeyError as e:
    print("KeyError:", repr(e))
try:
    {1} + {2}
except TypeError as e:
    print("TypeError:", e)
