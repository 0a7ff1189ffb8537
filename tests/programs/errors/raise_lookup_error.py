# tests: uncaught LookupError raised explicitly from a nested call, after output
def find(table, key):
    if key not in table:
        raise LookupError("no entry for " + repr(key))
    return table[key]
table = {"a": 1}
print(find(table, "a"))
print(find(table, "b"))
