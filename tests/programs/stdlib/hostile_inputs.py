# Hostile inputs: bad states, lists mutated by __lt__, huge values. Errors, never crashes.
import random, heapq, bisect, time, operator, functools
random.seed(5)
def t(label, f):
    try: r = f(); print(label, 'OK', repr(r)[:60])
    except Exception as e: print(label, type(e).__name__ + ':', e)
t('big', lambda: random.getrandbits(2**40))
t('bigseed', lambda: random.Random(2**10000).random())
st = random.getstate()
t('setstate_bad', lambda: random.setstate((3, tuple(['x'] * 625), None)))
t('after_bad_state', lambda: random.random())
random.setstate(st)
t('setstate_idx', lambda: random.setstate((3, tuple([1] * 624 + [10**9]), None)))
t('after_idx', lambda: random.random())
class Evil:
    def __init__(self, v, heap): self.v = v; self.heap = heap
    def __lt__(self, other):
        self.heap.clear()
        return self.v < other.v
h = []
h.extend([Evil(i, h) for i in range(10)])
t('heap_mutate', lambda: heapq.heapify(h))
h2 = []
h2.extend([Evil(i, h2) for i in range(3)])
t('heappop_mutate', lambda: heapq.heappop(h2))
h3 = []
h3.extend([Evil(i, h3) for i in range(3)])
t('heappushpop_mutate', lambda: heapq.heappushpop(h3, Evil(5, h3)))
class Grow:
    def __init__(self, v, lst): self.v = v; self.lst = lst
    def __lt__(self, other):
        self.lst.append(Grow(0, self.lst)); return self.v < other.v
g = []
g.extend([Grow(i, g) for i in range(4)])
t('bisect_grow', lambda: bisect.insort(g, Grow(2, g)))
t('sleep_huge', lambda: time.sleep(2**2000))
t('sleep_inf', lambda: time.sleep(float('inf')))
t('index_big', lambda: operator.index(2**100))
t('reduce_gen_err', lambda: functools.reduce(operator.add, (1/0 for _ in range(1))))
t('bisect_huge_lo', lambda: bisect.bisect([1], 1, 2**70))
t('randrange_big', lambda: random.randrange(2**200, 2**201))
t('shuffle_tuple', lambda: random.shuffle((1, 2, 3)))
t('choice_dict', lambda: random.choice({1: 'a', 0: 'b'}))
