# tests: list append extend insert pop remove index count reverse clear copy
a = [3, 1, 4]
a.append(1); print(a)
a.extend([5, 9]); print(a)
a.extend("ab"); print(a)
a.insert(0, "first"); a.insert(100, "last"); a.insert(-1, "penult"); a.insert(-100, "zero"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(1), a.index(5), a.count(1), a.count(42), a.index(9, 2))
a.reverse(); print(a)
b = a.copy(); b.append("copy"); print(a, b)
a.clear(); print(a, len(a), b)
print([1, 2, 3].append(4))
