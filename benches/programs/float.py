# The classic "float" benchmark: build many Point objects from math.sin/cos,
# normalise each one with math.sqrt, then fold them with an element-wise
# maximum. Stresses object allocation, float attribute loads/stores, calls into
# the math module and method calls.
import sys
from math import cos, sin, sqrt


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return f"<Point: x={self.x:.9f}, y={self.y:.9f}, z={self.z:.9f}>"

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def benchmark(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    n = 100000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    total = 0.0
    best = None
    for rep in range(5):
        best = benchmark(n + rep)
        total += best.x + best.y + best.z
    print("float", n, best, f"{total:.9f}")


main()
