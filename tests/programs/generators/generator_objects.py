# tests: generator objects as values: type and repr prefix, gi_ attributes-free state checks via next/send, iter(gen) identity, passing generators between functions, generators stored in containers and advanced independently
def counter(start):
    n = start
    while True:
        yield n
        n += 1

gens = {name: counter(start) for name, start in [("a", 0), ("b", 100)]}
print(next(gens["a"]), next(gens["a"]), next(gens["b"]), next(gens["a"]), next(gens["b"]))
g = counter(5)
print(type(g).__name__, repr(g).startswith("<generator object counter at 0x"), iter(g) is g, g.__name__, g.__qualname__)

class Holder:
    def items(self):
        yield from range(3)
print(Holder().items().__qualname__, list(Holder().items()))

def take(n, gen):
    return [next(gen) for _ in range(n)]
shared = counter(0)
print(take(3, shared), take(2, shared), next(shared))

def merge_sorted(*gens):
    heads = []
    for i, gen in enumerate(gens):
        try:
            heads.append([next(gen), i, gen])
        except StopIteration:
            pass
    while heads:
        heads.sort(key=lambda h: (h[0], h[1]))
        value, i, gen = heads[0]
        yield value
        try:
            heads[0][0] = next(gen)
        except StopIteration:
            heads.pop(0)
print(list(merge_sorted(iter([1, 4, 9]), iter([2, 3, 10]), iter([]), (x * 5 for x in range(3)))))

def round_robin(gens):
    queue = list(gens)
    while queue:
        gen = queue.pop(0)
        try:
            yield next(gen)
            queue.append(gen)
        except StopIteration:
            pass
print(list(round_robin([iter("ab"), iter("1234"), iter("X")])))
pipeline = (x for x in range(20))
evens = (x for x in pipeline if x % 2 == 0)
squares = (x * x for x in evens)
print(next(squares), next(pipeline), list(squares))
gen_list = [counter(i * 10) for i in range(3)]
for _ in range(2):
    print([next(gl) for gl in gen_list])
print(sum(next(counter(7)) for _ in range(3)))
