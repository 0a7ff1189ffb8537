# random.Random subclasses: overriding random() or getrandbits() changes how integers are drawn, as in CPython.
import random


class Fixed(random.Random):
    def random(self):
        return 0.25


class Bits(random.Random):
    def getrandbits(self, k):
        return k - 1


class Counting(random.Random):
    def __init__(self, seed):
        self.draws = 0
        super().__init__(seed)

    def random(self):
        self.draws += 1
        return super().random()


f = Fixed(1)
print(f.random(), f.uniform(0, 8), f.randint(1, 100), f.choice("abcd"), f.randrange(10))
b = Bits(1)
print(b.randrange(3), b.getrandbits(2), b.random())
c = Counting(7)
print(c.random(), c.draws, c.uniform(1, 2), c.draws, c.randint(1, 6))
print(random.Random.random(random.Random(3)), random.Random(3).random())
print(type(random.random).__name__, random.random.__name__, random.Random(3).getrandbits(10))
