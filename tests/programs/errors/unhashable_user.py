# tests: using an instance of a class with __eq__ but no __hash__ as a dict key (TypeError, exit code 1)
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

print(Key(1) == Key(1), Key(1) != Key(2))
table = {}
table[Key(1)] = "one"
