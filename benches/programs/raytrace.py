# A small recursive ray tracer: a Vector class with operator overloading,
# spheres and a checkered plane, point lights with shadows, Lambert and Phong
# shading and mirror reflections. Renders a square image and checksums the
# pixels. Stresses dunder dispatch (__add__, __mul__, __rmul__, __neg__),
# isinstance, short-lived objects, float maths and polymorphic method calls.
import math
import sys

EPSILON = 1e-5


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(
            self.y * other.z - self.z * other.y,
            self.z * other.x - self.x * other.z,
            self.x * other.y - self.y * other.x,
        )

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2 * self.dot(normal))


class Color(Vector):
    def __add__(self, other):
        return Color(self.x + other.x, self.y + other.y, self.z + other.z)

    def __mul__(self, k):
        if isinstance(k, Color):
            return Color(self.x * k.x, self.y * k.y, self.z * k.z)
        return Color(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__


BLACK = Color(0.0, 0.0, 0.0)
WHITE = Color(1.0, 1.0, 1.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.3, reflection=0.0, checker=None):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.reflection = reflection
        self.checker = checker

    def color_at(self, point):
        if self.checker is None:
            return self.color
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return self.checker


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self, objects, lights, ambient, max_depth):
        self.objects = objects
        self.lights = lights
        self.ambient = ambient
        self.max_depth = max_depth

    def nearest_hit(self, ray):
        best_t = None
        best_obj = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best_obj = obj
        return best_obj, best_t

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest_hit(ray)
        if obj is None:
            return BLACK
        point = ray.point_at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0:
            normal = -normal
        material = obj.material
        base = material.color_at(point)
        color = base * self.ambient
        for light in self.lights:
            if self.in_shadow(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0:
                color = color + base * light.color * (lambert * material.diffuse)
            half = (to_light - ray.direction).normalized()
            spec = normal.dot(half)
            if spec > 0:
                color = color + light.color * (spec**40 * material.specular)
        if material.reflection > 0 and depth < self.max_depth:
            reflected = Ray(point, ray.direction.reflect(normal))
            color = color + self.trace(reflected, depth + 1) * material.reflection
        return color


def make_scene():
    objects = [
        Sphere(Vector(0.0, 1.0, 5.0), 1.0, Material(Color(0.9, 0.2, 0.2), reflection=0.3)),
        Sphere(Vector(-2.2, 0.7, 6.5), 0.7, Material(Color(0.2, 0.8, 0.3), reflection=0.1)),
        Sphere(Vector(2.0, 1.5, 7.0), 1.5, Material(Color(0.3, 0.3, 0.9), reflection=0.5)),
        Sphere(Vector(0.8, 0.35, 3.2), 0.35, Material(WHITE, specular=0.8, reflection=0.6)),
        Plane(
            Vector(0.0, 0.0, 0.0),
            Vector(0.0, 1.0, 0.0),
            Material(WHITE, reflection=0.2, checker=Color(0.1, 0.1, 0.1)),
        ),
    ]
    lights = [
        Light(Vector(-5.0, 8.0, -2.0), Color(0.8, 0.8, 0.8)),
        Light(Vector(6.0, 4.0, 1.0), Color(0.4, 0.35, 0.3)),
    ]
    return Scene(objects, lights, 0.1, 3)


def render(size):
    scene = make_scene()
    eye = Vector(0.0, 1.5, -1.0)
    forward = (Vector(0.0, 1.0, 5.0) - eye).normalized()
    right = Vector(0.0, 1.0, 0.0).cross(forward).normalized()
    up = forward.cross(right)
    checksum = 0
    bright = 0
    for row in range(size):
        v = 1.0 - 2.0 * (row + 0.5) / size
        for col in range(size):
            u = 2.0 * (col + 0.5) / size - 1.0
            direction = forward + right * (u * 0.8) + up * (v * 0.8)
            c = scene.trace(Ray(eye, direction), 0)
            r = min(255, int(c.x * 255))
            g = min(255, int(c.y * 255))
            b = min(255, int(c.z * 255))
            checksum = (checksum * 131 + r * 65536 + g * 256 + b) % 1000000007
            if r + g + b > 384:
                bright += 1
    return checksum, bright


def main():
    size = 160
    if len(sys.argv) > 1:
        size = int(sys.argv[1])
    checksum, bright = render(size)
    print("raytrace", size, checksum, bright)


main()
