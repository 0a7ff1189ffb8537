# tests: a KeyError escaping a user mapping class's __getitem__ (exit code 1, message is the repr of the key)
class Registry:
    def __init__(self):
        self._data = {}
    def __setitem__(self, key, value):
        self._data[key.lower()] = value
    def __getitem__(self, key):
        return self._data[key.lower()]
    def __contains__(self, key):
        return key.lower() in self._data

r = Registry()
r["Alpha"] = 1
r["BETA"] = 2
print(r["alpha"], r["Beta"], "gamma" in r)
print(r["Gamma"])
