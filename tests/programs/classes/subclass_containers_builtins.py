# tests: dict and list subclass instances passed to builtins and dict/list operations (update, |, **, sort, slicing, heapq)
class D(dict):
    pass
d = D(a=1, b=2)
print(dict(d), {**d}, set(d), list(d.items()), sorted(d), d | {"c": 3}, type(d | {}).__name__)
x = {}; x.update(d); print(x)
d |= {"z": 0}; print(d, type(d).__name__)
print(list(reversed(d)) if hasattr(d, "__reversed__") or True else "", len(d.keys()), "a" in d.keys())
print(d.pop("a"), d.popitem(), d.setdefault("q", 5), d, d.copy())
d.clear(); print(d, bool(d), d == {})
class L(list):
    pass
l = L([3, 1, 2])
l.sort(); print(l, type(l).__name__)
print(l.index(2), l.count(3), l.copy(), l * 0, L() == [], l[1:2], sorted(l, reverse=True))
l.extend(L([9])); l += L([8]); print(l)
l[0:2] = [7]; print(l)
del l[::2]; print(l)
import heapq
h = L([5, 1, 4]); heapq.heapify(h); print(h)
h2 = L(); heapq.heappush(h2, 3); heapq.heappush(h2, 1); print(h2, heapq.heappop(h2))
print(max(L([1, 5, 2])), min(L("bca")), sum(L([1.5, 2])), any(L([0, 1])), all(L()))
print(list(zip(L([1, 2]), L("ab"))), list(enumerate(L("xy"))), list(map(str, L([1]))), list(filter(None, L([0, 2]))))
print(", ".join(map(str, L([1, 2]))), str(L([1])), repr(L([])))
class T(tuple): pass
print(tuple(T([1])), list(T([1, 2])), T([1]) + (2,), (0,) + T([1]), T() == (), hash(T()) == hash(()))
print(max(T([4, 9])), dict([T(["k", "v"])]), {T([1]): "one"}[(1,)])
