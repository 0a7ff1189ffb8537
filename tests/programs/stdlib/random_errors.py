import random


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


random.seed(1)
show(random.randrange, 0)
show(random.randrange, -5)
show(random.randrange, 3, 3)
show(random.randrange, 5, 1)
show(random.randrange, 1, 10, 0)
show(random.randrange, 10, 1, 2)
show(random.randrange, 1, 10, -2)
show(random.randrange, 10, 1, -3)
show(random.randrange, 2.5)
show(random.randrange, 1, 7.0)
show(random.randrange, 5, step=2)
show(random.randint, 5, 1)
show(random.randint, 1, "x")
show(random.choice, [])
show(random.choice, "")
show(random.getrandbits, -1)
show(random.getrandbits, 0)
show(random.getrandbits, 1.5)
show(random.sample, [1, 2, 3], 4)
show(random.sample, [1, 2, 3], -1)
show(random.sample, {1, 2, 3}, 1)
show(random.choices, [1, 2], [1, 2, 3])
show(random.choices, [1, 2], [0, 0])
show(random.choices, [1, 2], [1, 1], cum_weights=[1, 2])
show(random.seed, [1, 2])
show(random.gammavariate, -1, 1)
show(random.randrange, 1, 10, 3)
show(random.uniform, 5, 5)
