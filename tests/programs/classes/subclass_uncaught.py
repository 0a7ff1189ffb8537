# tests: an uncaught KeyError raised through a dict subclass's __getitem__ override
class Registry(dict):
    def __getitem__(self, key):
        print("looking up", key)
        return super().__getitem__(key)


r = Registry(known=1)
print(r["known"])
print(r["unknown"])
