from collections import Counter, defaultdict, OrderedDict, deque
class MyCounter(Counter):
    pass
class MyDeque(deque):
    pass
class Tally(defaultdict):
    pass
print(MyCounter("aab"), MyDeque([1]), Tally(int), MyCounter(), Counter(a=1) == {'a': 1}, Counter(a=1) == Counter(a=1, b=0))
print(type(Counter()), deque, defaultdict.__name__, OrderedDict.__module__)
c = Counter({'a': 0, 'b': -2, 'c': 3})
print(c, +c, -c, c.most_common(), list(c.elements()))
c.update(a=5)
c.subtract(['c', 'c'])
print(c, c.total(), c.get('zz'), c.setdefault('q', 9), c)
print(Counter("mississippi").most_common(3), sorted(Counter("mississippi").items()))
print(Counter(cats=4, dogs=8) <= Counter(cats=4, dogs=8, fish=1), Counter(a=1) < Counter(a=1), Counter(a=2) > Counter(a=1), Counter(a=1) != Counter(a=1))
