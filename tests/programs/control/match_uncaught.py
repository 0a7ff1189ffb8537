# tests: an uncaught TypeError raised while matching a class pattern ends the program
class Shape:
    __match_args__ = ("kind",)

    def __init__(self, kind):
        self.kind = kind


def area(s):
    match s:
        case Shape("square", side):
            return side * side
        case Shape(kind):
            return f"unknown {kind}"


print(area(Shape("circle")))
print(area(Shape("square")))
