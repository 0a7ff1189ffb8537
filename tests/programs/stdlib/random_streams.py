# tests: random with seeds: reproducible streams across the common API, independent Random instances, getstate/setstate, argument errors
import random

random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(0, 100, 7) for _ in range(5)], random.randrange(10))
print(random.choice("abcdefg"), random.choice([10, 20, 30]), random.choice(range(1000)))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5), random.sample("xyz", 3))
print([round(random.uniform(-1, 1), 6) for _ in range(3)])
print(random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
print(random.choices("ab", k=6), random.choices(range(5), weights=[5, 1, 1, 1, 10], k=8))
print(round(random.gauss(0, 1), 8), round(random.normalvariate(10, 2), 8), round(random.expovariate(2.0), 8))
print(round(random.triangular(0, 10, 3), 8), round(random.betavariate(2, 3), 8), round(random.gammavariate(2, 1), 8))

a = random.Random(7)
b = random.Random(7)
print([a.randint(0, 99) for _ in range(5)] == [b.randint(0, 99) for _ in range(5)])
state = a.getstate()
first = [a.random() for _ in range(3)]
a.setstate(state)
print(first == [a.random() for _ in range(3)])
c = random.Random("a string seed")
d = random.Random(3.25)
print(c.randint(0, 10 ** 6), d.randint(0, 10 ** 6), random.Random(2 ** 80).random())
random.seed(99)
x = random.random()
random.seed(99)
print(x == random.random())

def monte_carlo_pi(n, rng):
    inside = 0
    for _ in range(n):
        px, py = rng.random(), rng.random()
        if px * px + py * py <= 1.0:
            inside += 1
    return 4 * inside / n
print(monte_carlo_pi(20000, random.Random(2024)))

def random_walk(steps, rng):
    x = y = 0
    for _ in range(steps):
        dx, dy = rng.choice([(0, 1), (0, -1), (1, 0), (-1, 0)])
        x += dx
        y += dy
    return x, y
print(random_walk(1000, random.Random(5)))

deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
rng = random.Random(31)
rng.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
print(hands)

for call in [lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.sample(range(3), 5),
             lambda: random.randrange(0), lambda: random.randrange(1, 10, 0), lambda: random.getrandbits(-1)]:
    try:
        print(call())
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
