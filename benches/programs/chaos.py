# A chaos-game fractal in the spirit of the classic "chaos" benchmark: a point
# is repeatedly pulled onto a randomly chosen cubic Bezier "spline" (chosen
# with probability proportional to the spline's length), pushed sideways along
# the spline's normal, clamped to a bounding box and plotted into a histogram.
# Stresses small vector objects with operator methods, a seeded random.Random,
# float maths (math.hypot, sqrt) and list-of-lists indexing.
import math
import random
import sys


class GVector:
    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __add__(self, other):
        return GVector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return GVector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return GVector(self.x * k, self.y * k)

    def mag(self):
        return math.hypot(self.x, self.y)

    def lerp(self, other, t):
        """The point a fraction t of the way from self to other."""
        return GVector(self.x + (other.x - self.x) * t, self.y + (other.y - self.y) * t)

    def __repr__(self):
        return f"<{self.x:.6f}, {self.y:.6f}>"


class Bezier:
    def __init__(self, points):
        if len(points) != 4:
            raise ValueError("a cubic Bezier needs four control points")
        self.points = points

    def __call__(self, t):
        # de Casteljau: repeatedly interpolate between neighbouring points.
        pts = self.points
        while len(pts) > 1:
            pts = [pts[i].lerp(pts[i + 1], t) for i in range(len(pts) - 1)]
        return pts[0]

    def tangent(self, t):
        p0, p1, p2, p3 = self.points
        s = 1.0 - t
        return (p1 - p0) * (3 * s * s) + (p2 - p1) * (6 * s * t) + (p3 - p2) * (3 * t * t)

    def length(self, steps=64):
        total = 0.0
        prev = self(0.0)
        for i in range(1, steps + 1):
            cur = self(i / steps)
            total += (cur - prev).mag()
            prev = cur
        return total


class ChaosGame:
    def __init__(self, splines, thickness, seed):
        self.splines = splines
        self.thickness = thickness
        self.rng = random.Random(seed)
        lengths = [s.length() for s in splines]
        total = sum(lengths)
        acc = 0.0
        self.cumulative = []
        for length in lengths:
            acc += length / total
            self.cumulative.append(acc)
        xs = [p.x for s in splines for p in s.points]
        ys = [p.y for s in splines for p in s.points]
        margin = thickness * 2
        self.minx = min(xs) - margin
        self.maxx = max(xs) + margin
        self.miny = min(ys) - margin
        self.maxy = max(ys) + margin

    def pick_spline(self):
        r = self.rng.random()
        for index, bound in enumerate(self.cumulative):
            if r < bound:
                return self.splines[index]
        return self.splines[-1]

    def transform(self, point):
        spline = self.pick_spline()
        t = self.rng.random()
        base = spline(t)
        tangent = spline.tangent(t)
        size = tangent.mag()
        if size == 0.0:
            return base
        normal = GVector(-tangent.y / size, tangent.x / size)
        # Sideways offset taken from where the point sat in the bounding box.
        rel = (point.x - self.minx) / (self.maxx - self.minx) - 0.5
        return base + normal * (rel * self.thickness)

    def clamp(self, point):
        x = min(max(point.x, self.minx), self.maxx)
        y = min(max(point.y, self.miny), self.maxy)
        return GVector(x, y)

    def run(self, iterations, width, height):
        grid = [[0] * width for _ in range(height)]
        sx = (width - 1) / (self.maxx - self.minx)
        sy = (height - 1) / (self.maxy - self.miny)
        point = GVector((self.minx + self.maxx) / 2, (self.miny + self.maxy) / 2)
        for _ in range(iterations):
            point = self.clamp(self.transform(point))
            col = int((point.x - self.minx) * sx)
            row = int((self.maxy - point.y) * sy)
            grid[row][col] += 1
        return grid, point


def make_splines():
    def curve(*coords):
        return Bezier([GVector(coords[i], coords[i + 1]) for i in range(0, 8, 2)])

    return [
        curve(1.6, 0.3, 1.1, 1.5, 0.3, 1.4, 0.2, 0.4),
        curve(0.2, 0.4, 0.9, 0.6, 1.4, 0.9, 1.7, 1.7),
        curve(0.4, 1.9, 0.9, 1.2, 1.2, 0.4, 1.8, 0.1),
    ]


def main():
    iterations = 120000
    if len(sys.argv) > 1:
        iterations = int(sys.argv[1])
    game = ChaosGame(make_splines(), 0.25, 1234)
    grid, last = game.run(iterations, 128, 128)
    checksum = 0
    filled = 0
    for r, row in enumerate(grid):
        for c, count in enumerate(row):
            if count:
                filled += 1
                checksum = (checksum * 31 + (r * 128 + c) * count) % 1000000007
    print("chaos", iterations, filled, checksum, last)


main()
