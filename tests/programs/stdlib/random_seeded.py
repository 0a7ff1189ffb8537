import random
random.seed(42)
print(random.random(), random.getrandbits(32), random.getrandbits(70))
print(random.randint(1, 100), random.randrange(10), random.randrange(5, 100, 7))
l = list(range(20)); random.shuffle(l); print(l)
print(random.choice("abcdef"), random.uniform(1, 5))
print(random.sample(range(100), 5), random.choices("abc", k=5), random.gauss(0, 1))
random.seed(-2**100); print(random.random())
random.seed(3.5); print(random.random())
random.seed(0); print(random.random())
r = random.Random(7); print(r.randint(1, 6), r.random())
for args in [(0,), (5, 5), (1, 10, 0), (10, 1, 2), (1.5,)]:
    try: random.randrange(*args)
    except Exception as e: print(type(e).__name__, e)
try: random.choice([])
except Exception as e: print(type(e).__name__, e)
try: random.getrandbits(-1)
except Exception as e: print(type(e).__name__, e)
print(random.sample([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25], 10))
# Longer streams: state twists every 624 words.
random.seed(12345)
total = 0
for i in range(2000):
    total += random.randint(0, 1000)
print(total)
print([random.randrange(0, 100, 3) for _ in range(10)])
print([round(random.uniform(-1, 1), 6) for _ in range(5)])
big = random.getrandbits(200)
print(big, big.bit_length() <= 200)
print(random.randrange(10**30))
random.seed(2**64 + 17)
print(random.random())
random.seed(True)
print(random.random())
random.seed(None)
x = random.random()
print(0.0 <= x < 1.0)
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
b = [random.random() for _ in range(3)]
print(a == b)
r1 = random.Random(99)
r2 = random.Random(99)
print([r1.randint(1, 6) for _ in range(10)] == [r2.randint(1, 6) for _ in range(10)])
deck = [f"{rank}{suit}" for suit in "SHDC" for rank in "A23456789TJQK"]
random.seed(2024)
random.shuffle(deck)
print(deck[:13])
print(random.sample(deck, 4))
print(random.choices([1, 2, 3], weights=[10, 1, 1], k=8))
print(random.choices("xyz", cum_weights=[1, 2, 3], k=4))
print(round(random.triangular(0, 10, 3), 10), round(random.expovariate(2.0), 10))
print(round(random.normalvariate(5, 2), 10), round(random.gammavariate(2.0, 1.5), 10))
print(round(random.betavariate(2, 3), 10), round(random.paretovariate(3), 10))

# str seeds go through SHA-512 as in CPython; version=1 uses the old string hash.
for s in ["hello", "", "é日本", "x" * 200, "a" * 111, "b" * 112]:
    random.seed(s)
    print(repr(s[:5]), random.random(), random.randint(1, 1000))
r = random.Random("seed")
print(r.random())
random.seed("abc", version=1)
print(random.random())

# binomialvariate, including the BTRS path (math.lgamma).
random.seed(12)
print([random.binomialvariate(100, 0.4) for _ in range(10)], [random.binomialvariate(1000, 0.75) for _ in range(5)])
print([random.binomialvariate(5, 0.3) for _ in range(8)], random.binomialvariate(20, 0.9))
