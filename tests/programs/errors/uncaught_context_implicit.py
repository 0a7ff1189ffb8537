# tests: implicit exception context during handling, uncaught (exit code 1)
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        print("missing", key)
        return table["default"]

print(lookup({"a": 1, "default": 0}, "a"))
print(lookup({"a": 1, "default": 0}, "b"))
lookup({"a": 1}, "c")
