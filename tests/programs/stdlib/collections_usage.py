# tests: collections: deque operations and maxlen, Counter counting and most_common, defaultdict factories, OrderedDict moves, namedtuple fields (used as containers, not as dict/tuple subclasses)
from collections import deque, Counter, defaultdict, OrderedDict, namedtuple

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
d.extend([5, 6])
d.extendleft("ab")
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.count(2), d.index(3))
d.remove("a")
d.reverse()
print(d, list(d), 3 in d)
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window), end=" ")
print(window.maxlen)
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)

text = "the quick brown fox jumps over the lazy dog the end"
c = Counter(text.split())
print(c["the"], c["missing"], c.most_common(2), len(c))
letters = Counter(c for c in text if c.isalpha())
print(letters.most_common(3), sum(letters.values()))
letters.update("zzz")
print(letters["z"], Counter("aab") + Counter("abc"), Counter("aabbb") - Counter("ab"))
print(sorted(Counter([3, 1, 3, 2, 3, 1]).items()), list(Counter("abca").elements()))

groups = defaultdict(list)
for word in ["apple", "bob", "avocado", "cat", "banana"]:
    groups[word[0]].append(word)
print(sorted(groups.items()), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
print(dict(nested["a"]), "b" in nested)

od = OrderedDict()
od["one"] = 1
od["two"] = 2
od["three"] = 3
od.move_to_end("one")
print(list(od.keys()))
od.move_to_end("three", last=False)
print(list(od.items()), od.popitem(), od.popitem(last=False), list(od))

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=10), Point._fields)
Card = namedtuple("Card", "rank suit")
hand = [Card("A", "S"), Card("10", "H")]
print(hand[1].suit, [c.rank for c in hand], Card._make(["K", "D"]))
x, y = p
print(x + y, len(p), p == Point(3, 4))

def bfs(graph, start):
    seen = {start}
    order = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: []}
print(bfs(graph, 1))
