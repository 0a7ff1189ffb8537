# tests: an uncaught AttributeError from assigning an attribute __slots__ does not allow
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y)
p.z = 3
