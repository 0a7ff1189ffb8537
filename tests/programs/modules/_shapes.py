# helper module for the import programs (not a program: its name starts with "_")
print("executing _shapes, __name__ =", __name__)

PI = 3.14159
_private = "hidden"
counter = 0


def area(r):
    return PI * r * r


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def __repr__(self):
        return f"Square({self.side})"


def bump():
    global counter
    counter += 1
    return counter


if __name__ == "__main__":
    print("this never prints when imported")
