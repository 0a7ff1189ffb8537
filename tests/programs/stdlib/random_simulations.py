# tests: seeded random in small simulations: dice statistics, a shuffled deck dealt into hands, a random walk, reservoir sampling, weighted choices and Monte Carlo estimates, all reproducible
import random

rng = random.Random(20240229)
rolls = [rng.randint(1, 6) + rng.randint(1, 6) for _ in range(3000)]
hist = {s: rolls.count(s) for s in range(2, 13)}
print(hist, max(hist, key=hist.get))
for s in range(2, 13):
    print(f"{s:>2} {'#' * (hist[s] // 20)}")

deck = [f"{r}{s}" for s in "SHDC" for r in ["A", "2", "3", "4", "5", "6", "7", "8", "9", "T", "J", "Q", "K"]]
rng.shuffle(deck)
hands = [sorted(deck[i:i + 5]) for i in range(0, 20, 5)]
print(hands)

pos = 0
path = []
for _ in range(50):
    pos += rng.choice((-1, 1))
    path.append(pos)
print(path[-5:], min(path), max(path))

def reservoir(stream, k, r):
    sample = []
    for i, item in enumerate(stream):
        if i < k:
            sample.append(item)
        else:
            j = r.randrange(i + 1)
            if j < k:
                sample[j] = item
    return sample
print(reservoir(range(1000), 5, random.Random(1)))

colors = rng.choices(["red", "green", "blue"], weights=[5, 3, 2], k=20)
print(colors.count("red"), colors.count("green"), colors.count("blue"))
inside = sum(1 for _ in range(5000) if rng.random() ** 2 + rng.random() ** 2 < 1)
print(inside, 4 * inside / 5000)
print([round(rng.gauss(100, 15), 3) for _ in range(4)], rng.sample(range(50), 6), round(rng.uniform(5, 6), 6))
