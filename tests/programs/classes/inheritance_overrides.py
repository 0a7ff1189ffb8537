# tests: inheritance: method overriding, calling base methods explicitly, class attribute shadowing, template-method pattern, abstract-like NotImplementedError, polymorphic dispatch over a list
class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def perimeter(self):
        raise NotImplementedError
    def describe(self):
        return f"{self.name}: {self.sides} sides, area {self.area():.2f}, perimeter {self.perimeter():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()

class Rect(Shape):
    sides = 4
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s, name="square")
    def describe(self):
        return "[sq] " + Rect.describe(self)

class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
    def perimeter(self):
        return 2 * 3.14159 * self.r

class Blob(Shape):
    pass

shapes = [Rect(3, 4), Square(2), Circle(1.5), Rect(1, 10)]
for s in shapes:
    print(s.describe())
print([s.name for s in sorted(shapes)], max(shapes).name, Square.sides, Circle.sides)
try:
    Blob("blob").describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Blob("b").perimeter()
except NotImplementedError as e:
    print("NotImplementedError:", repr(e))

class Logger:
    def log(self, msg):
        return f"[{self.prefix()}] {msg}"
    def prefix(self):
        return "log"
class TimedLogger(Logger):
    def prefix(self):
        return "t=0 " + super().prefix()
class QuietLogger(TimedLogger):
    def log(self, msg):
        return super().log(msg.lower())
print(Logger().log("Hi"), TimedLogger().log("Hi"), QuietLogger().log("HI THERE"))

class A:
    x = "A.x"
    def who(self):
        return "A"
class B(A):
    x = "B.x"
class C(B):
    def who(self):
        return "C>" + super().who()
c = C()
print(c.x, C.x, B.x, A.x, c.who(), A.who(c), B.who(c))
B.x = "changed"
print(c.x)
del B.x
print(c.x)
A.who = lambda self: "patched A"
print(c.who(), B().who())
