# tests: unbounded recursion through a user __repr__ ends in RecursionError (exit code 1)
class Node:
    def __init__(self, name):
        self.name = name
        self.parent = None
    def __repr__(self):
        return f"Node({self.name}, parent={self.parent!r})"

a = Node("a")
b = Node("b")
b.parent = a
print(repr(b))
a.parent = b
print("made a cycle")
print(repr(a))
