# Many one-line uses of the standard-library modules, each printed or its error shown.
import random, string, operator, bisect, heapq, functools, itertools, collections, time
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple

try:
    print('repr(deque(range(3)))', '->', repr(repr(deque(range(3)))))
except Exception as ex:
    print('repr(deque(range(3)))', '-> !', type(ex).__name__, ex)
try:
    print("deque('abc', maxlen=2)", '->', repr(deque('abc', maxlen=2)))
except Exception as ex:
    print("deque('abc', maxlen=2)", '-> !', type(ex).__name__, ex)
try:
    print('list(reversed(deque([1,2,3])))', '->', repr(list(reversed(deque([1,2,3])))))
except Exception as ex:
    print('list(reversed(deque([1,2,3])))', '-> !', type(ex).__name__, ex)
try:
    print('deque([1,2,3]).index(2, 1)', '->', repr(deque([1,2,3]).index(2, 1)))
except Exception as ex:
    print('deque([1,2,3]).index(2, 1)', '-> !', type(ex).__name__, ex)
try:
    print('deque([1,[2]]) == deque([1,[2]])', '->', repr(deque([1,[2]]) == deque([1,[2]])))
except Exception as ex:
    print('deque([1,[2]]) == deque([1,[2]])', '-> !', type(ex).__name__, ex)
try:
    print('len(deque(maxlen=5))', '->', repr(len(deque(maxlen=5))))
except Exception as ex:
    print('len(deque(maxlen=5))', '-> !', type(ex).__name__, ex)
try:
    print('deque([1,2,3])[1]', '->', repr(deque([1,2,3])[1]))
except Exception as ex:
    print('deque([1,2,3])[1]', '-> !', type(ex).__name__, ex)
try:
    print('str(Counter(a=1))', '->', repr(str(Counter(a=1))))
except Exception as ex:
    print('str(Counter(a=1))', '-> !', type(ex).__name__, ex)
try:
    print("Counter('aab') - Counter('a')", '->', repr(Counter('aab') - Counter('a')))
except Exception as ex:
    print("Counter('aab') - Counter('a')", '-> !', type(ex).__name__, ex)
try:
    print("Counter('abc').most_common(0)", '->', repr(Counter('abc').most_common(0)))
except Exception as ex:
    print("Counter('abc').most_common(0)", '-> !', type(ex).__name__, ex)
try:
    print("Counter('abc').most_common(-1)", '->', repr(Counter('abc').most_common(-1)))
except Exception as ex:
    print("Counter('abc').most_common(-1)", '-> !', type(ex).__name__, ex)
try:
    print("sorted(Counter({'x': 3, 'y': 1}).elements())", '->', repr(sorted(Counter({'x': 3, 'y': 1}).elements())))
except Exception as ex:
    print("sorted(Counter({'x': 3, 'y': 1}).elements())", '-> !', type(ex).__name__, ex)
try:
    print("list(Counter('hello').keys())", '->', repr(list(Counter('hello').keys())))
except Exception as ex:
    print("list(Counter('hello').keys())", '-> !', type(ex).__name__, ex)
try:
    print("list(Counter('hello').values())", '->', repr(list(Counter('hello').values())))
except Exception as ex:
    print("list(Counter('hello').values())", '-> !', type(ex).__name__, ex)
try:
    print("Counter('hello')['l']", '->', repr(Counter('hello')['l']))
except Exception as ex:
    print("Counter('hello')['l']", '-> !', type(ex).__name__, ex)
try:
    print("'l' in Counter('hello')", '->', repr('l' in Counter('hello')))
except Exception as ex:
    print("'l' in Counter('hello')", '-> !', type(ex).__name__, ex)
try:
    print('len(Counter())', '->', repr(len(Counter())))
except Exception as ex:
    print('len(Counter())', '-> !', type(ex).__name__, ex)
try:
    print("Counter(a=2).get('a')", '->', repr(Counter(a=2).get('a')))
except Exception as ex:
    print("Counter(a=2).get('a')", '-> !', type(ex).__name__, ex)
try:
    print('dict(OrderedDict(b=1, a=2))', '->', repr(dict(OrderedDict(b=1, a=2))))
except Exception as ex:
    print('dict(OrderedDict(b=1, a=2))', '-> !', type(ex).__name__, ex)
try:
    print('OrderedDict(b=1, a=2) == OrderedDict(a=2, b=1)', '->', repr(OrderedDict(b=1, a=2) == OrderedDict(a=2, b=1)))
except Exception as ex:
    print('OrderedDict(b=1, a=2) == OrderedDict(a=2, b=1)', '-> !', type(ex).__name__, ex)
try:
    print("OrderedDict.fromkeys('abc', 0)", '->', repr(OrderedDict.fromkeys('abc', 0)))
except Exception as ex:
    print("OrderedDict.fromkeys('abc', 0)", '-> !', type(ex).__name__, ex)
try:
    print("Counter.fromkeys('abc')", '->', repr(Counter.fromkeys('abc')))
except Exception as ex:
    print("Counter.fromkeys('abc')", '-> !', type(ex).__name__, ex)
try:
    print('defaultdict(list).default_factory', '->', repr(defaultdict(list).default_factory))
except Exception as ex:
    print('defaultdict(list).default_factory', '-> !', type(ex).__name__, ex)
try:
    print("defaultdict(int, {'a': 1}) == {'a': 1}", '->', repr(defaultdict(int, {'a': 1}) == {'a': 1}))
except Exception as ex:
    print("defaultdict(int, {'a': 1}) == {'a': 1}", '-> !', type(ex).__name__, ex)
try:
    print("namedtuple('P', 'x y')(1, 2)._asdict()", '->', repr(namedtuple('P', 'x y')(1, 2)._asdict()))
except Exception as ex:
    print("namedtuple('P', 'x y')(1, 2)._asdict()", '-> !', type(ex).__name__, ex)
try:
    print("namedtuple('P', 'x y', defaults=(0,))(1)", '->', repr(namedtuple('P', 'x y', defaults=(0,))(1)))
except Exception as ex:
    print("namedtuple('P', 'x y', defaults=(0,))(1)", '-> !', type(ex).__name__, ex)
try:
    print("namedtuple('P', ['a'])._fields", '->', repr(namedtuple('P', ['a'])._fields))
except Exception as ex:
    print("namedtuple('P', ['a'])._fields", '-> !', type(ex).__name__, ex)
try:
    print("namedtuple('P', 'x y')(1, 2) + (3,)", '->', repr(namedtuple('P', 'x y')(1, 2) + (3,)))
except Exception as ex:
    print("namedtuple('P', 'x y')(1, 2) + (3,)", '-> !', type(ex).__name__, ex)
try:
    print("namedtuple('P', 'x y')(1, 2) * 2", '->', repr(namedtuple('P', 'x y')(1, 2) * 2))
except Exception as ex:
    print("namedtuple('P', 'x y')(1, 2) * 2", '-> !', type(ex).__name__, ex)
try:
    print("len(namedtuple('E', '')())", '->', repr(len(namedtuple('E', '')())))
except Exception as ex:
    print("len(namedtuple('E', '')())", '-> !', type(ex).__name__, ex)
try:
    print("namedtuple('E', '')()", '->', repr(namedtuple('E', '')()))
except Exception as ex:
    print("namedtuple('E', '')()", '-> !', type(ex).__name__, ex)
try:
    print("list(itertools.product('ab', repeat=0))", '->', repr(list(itertools.product('ab', repeat=0))))
except Exception as ex:
    print("list(itertools.product('ab', repeat=0))", '-> !', type(ex).__name__, ex)
try:
    print('list(itertools.permutations(range(3), 0))', '->', repr(list(itertools.permutations(range(3), 0))))
except Exception as ex:
    print('list(itertools.permutations(range(3), 0))', '-> !', type(ex).__name__, ex)
try:
    print("list(itertools.combinations('abc', 0))", '->', repr(list(itertools.combinations('abc', 0))))
except Exception as ex:
    print("list(itertools.combinations('abc', 0))", '-> !', type(ex).__name__, ex)
try:
    print("list(itertools.islice(itertools.cycle('ab'), 5))", '->', repr(list(itertools.islice(itertools.cycle('ab'), 5))))
except Exception as ex:
    print("list(itertools.islice(itertools.cycle('ab'), 5))", '-> !', type(ex).__name__, ex)
try:
    print('list(itertools.zip_longest([1], [2, 3], [4, 5, 6]))', '->', repr(list(itertools.zip_longest([1], [2, 3], [4, 5, 6]))))
except Exception as ex:
    print('list(itertools.zip_longest([1], [2, 3], [4, 5, 6]))', '-> !', type(ex).__name__, ex)
try:
    print('list(itertools.starmap(operator.mul, zip([1, 2], [3, 4])))', '->', repr(list(itertools.starmap(operator.mul, zip([1, 2], [3, 4])))))
except Exception as ex:
    print('list(itertools.starmap(operator.mul, zip([1, 2], [3, 4])))', '-> !', type(ex).__name__, ex)
try:
    print('list(itertools.accumulate([1, 2, 3], initial=None))', '->', repr(list(itertools.accumulate([1, 2, 3], initial=None))))
except Exception as ex:
    print('list(itertools.accumulate([1, 2, 3], initial=None))', '-> !', type(ex).__name__, ex)
try:
    print("list(itertools.chain.from_iterable(['ab', [1]]))", '->', repr(list(itertools.chain.from_iterable(['ab', [1]]))))
except Exception as ex:
    print("list(itertools.chain.from_iterable(['ab', [1]]))", '-> !', type(ex).__name__, ex)
try:
    print('next(itertools.repeat(5))', '->', repr(next(itertools.repeat(5))))
except Exception as ex:
    print('next(itertools.repeat(5))', '-> !', type(ex).__name__, ex)
try:
    print('list(itertools.compress(range(5), [0, 1]))', '->', repr(list(itertools.compress(range(5), [0, 1]))))
except Exception as ex:
    print('list(itertools.compress(range(5), [0, 1]))', '-> !', type(ex).__name__, ex)
try:
    print('list(itertools.batched(range(5), 2))', '->', repr(list(itertools.batched(range(5), 2))))
except Exception as ex:
    print('list(itertools.batched(range(5), 2))', '-> !', type(ex).__name__, ex)
try:
    print('list(itertools.pairwise([]))', '->', repr(list(itertools.pairwise([]))))
except Exception as ex:
    print('list(itertools.pairwise([]))', '-> !', type(ex).__name__, ex)
try:
    print('list(itertools.takewhile(bool, [1, 0, 1]))', '->', repr(list(itertools.takewhile(bool, [1, 0, 1]))))
except Exception as ex:
    print('list(itertools.takewhile(bool, [1, 0, 1]))', '-> !', type(ex).__name__, ex)
try:
    print('list(itertools.count(1, 0.5).__next__() for _ in range(2))', '->', repr(list(itertools.count(1, 0.5).__next__() for _ in range(2))))
except Exception as ex:
    print('list(itertools.count(1, 0.5).__next__() for _ in range(2))', '-> !', type(ex).__name__, ex)
try:
    print('functools.reduce(operator.add, [[1], [2]])', '->', repr(functools.reduce(operator.add, [[1], [2]])))
except Exception as ex:
    print('functools.reduce(operator.add, [[1], [2]])', '-> !', type(ex).__name__, ex)
try:
    print('functools.partial(max, 5)(3)', '->', repr(functools.partial(max, 5)(3)))
except Exception as ex:
    print('functools.partial(max, 5)(3)', '-> !', type(ex).__name__, ex)
try:
    print('functools.partial(sorted, reverse=True)([1, 3, 2])', '->', repr(functools.partial(sorted, reverse=True)([1, 3, 2])))
except Exception as ex:
    print('functools.partial(sorted, reverse=True)([1, 3, 2])', '-> !', type(ex).__name__, ex)
try:
    print("operator.itemgetter(0, 1)('ab')", '->', repr(operator.itemgetter(0, 1)('ab')))
except Exception as ex:
    print("operator.itemgetter(0, 1)('ab')", '-> !', type(ex).__name__, ex)
try:
    print("operator.attrgetter('real')(5)", '->', repr(operator.attrgetter('real')(5)))
except Exception as ex:
    print("operator.attrgetter('real')(5)", '-> !', type(ex).__name__, ex)
try:
    print("operator.methodcaller('count', 'a')('banana')", '->', repr(operator.methodcaller('count', 'a')('banana')))
except Exception as ex:
    print("operator.methodcaller('count', 'a')('banana')", '-> !', type(ex).__name__, ex)
try:
    print("operator.mod('%s!', 'x')", '->', repr(operator.mod('%s!', 'x')))
except Exception as ex:
    print("operator.mod('%s!', 'x')", '-> !', type(ex).__name__, ex)
try:
    print('operator.floordiv(7.5, 2)', '->', repr(operator.floordiv(7.5, 2)))
except Exception as ex:
    print('operator.floordiv(7.5, 2)', '-> !', type(ex).__name__, ex)
try:
    print('operator.truediv(1, 3)', '->', repr(operator.truediv(1, 3)))
except Exception as ex:
    print('operator.truediv(1, 3)', '-> !', type(ex).__name__, ex)
try:
    print('operator.pow(2, -1)', '->', repr(operator.pow(2, -1)))
except Exception as ex:
    print('operator.pow(2, -1)', '-> !', type(ex).__name__, ex)
try:
    print('operator.neg(True)', '->', repr(operator.neg(True)))
except Exception as ex:
    print('operator.neg(True)', '-> !', type(ex).__name__, ex)
try:
    print('operator.index(False)', '->', repr(operator.index(False)))
except Exception as ex:
    print('operator.index(False)', '-> !', type(ex).__name__, ex)
try:
    print('operator.contains({1: 2}, 1)', '->', repr(operator.contains({1: 2}, 1)))
except Exception as ex:
    print('operator.contains({1: 2}, 1)', '-> !', type(ex).__name__, ex)
try:
    print('bisect.bisect([1, 2, 3], 2)', '->', repr(bisect.bisect([1, 2, 3], 2)))
except Exception as ex:
    print('bisect.bisect([1, 2, 3], 2)', '-> !', type(ex).__name__, ex)
try:
    print('bisect.bisect_left([1, 2, 3], 2, key=lambda x: x)', '->', repr(bisect.bisect_left([1, 2, 3], 2, key=lambda x: x)))
except Exception as ex:
    print('bisect.bisect_left([1, 2, 3], 2, key=lambda x: x)', '-> !', type(ex).__name__, ex)
try:
    print('heapq.nsmallest(2, {3, 1, 2})', '->', repr(heapq.nsmallest(2, {3, 1, 2})))
except Exception as ex:
    print('heapq.nsmallest(2, {3, 1, 2})', '-> !', type(ex).__name__, ex)
try:
    print("heapq.nlargest(2, 'hello')", '->', repr(heapq.nlargest(2, 'hello')))
except Exception as ex:
    print("heapq.nlargest(2, 'hello')", '-> !', type(ex).__name__, ex)
try:
    print('heapq.nlargest(1, [])', '->', repr(heapq.nlargest(1, [])))
except Exception as ex:
    print('heapq.nlargest(1, [])', '-> !', type(ex).__name__, ex)
try:
    print('heapq.nsmallest(3, [5, 1, 4], key=lambda x: x % 3)', '->', repr(heapq.nsmallest(3, [5, 1, 4], key=lambda x: x % 3)))
except Exception as ex:
    print('heapq.nsmallest(3, [5, 1, 4], key=lambda x: x % 3)', '-> !', type(ex).__name__, ex)
try:
    print("string.capwords(' a  b ')", '->', repr(string.capwords(' a  b ')))
except Exception as ex:
    print("string.capwords(' a  b ')", '-> !', type(ex).__name__, ex)
try:
    print('string.ascii_letters[25:28]', '->', repr(string.ascii_letters[25:28]))
except Exception as ex:
    print('string.ascii_letters[25:28]', '-> !', type(ex).__name__, ex)
try:
    print('random.Random(5).random()', '->', repr(random.Random(5).random()))
except Exception as ex:
    print('random.Random(5).random()', '-> !', type(ex).__name__, ex)
try:
    print("random.Random(5).choice('abcdef')", '->', repr(random.Random(5).choice('abcdef')))
except Exception as ex:
    print("random.Random(5).choice('abcdef')", '-> !', type(ex).__name__, ex)
try:
    print("random.Random(5).sample('abcdef', 3)", '->', repr(random.Random(5).sample('abcdef', 3)))
except Exception as ex:
    print("random.Random(5).sample('abcdef', 3)", '-> !', type(ex).__name__, ex)
try:
    print('random.Random(5).randrange(0, 100, 10)', '->', repr(random.Random(5).randrange(0, 100, 10)))
except Exception as ex:
    print('random.Random(5).randrange(0, 100, 10)', '-> !', type(ex).__name__, ex)
try:
    print('random.Random(5).getrandbits(64)', '->', repr(random.Random(5).getrandbits(64)))
except Exception as ex:
    print('random.Random(5).getrandbits(64)', '-> !', type(ex).__name__, ex)
try:
    print('random.Random(5).getrandbits(1)', '->', repr(random.Random(5).getrandbits(1)))
except Exception as ex:
    print('random.Random(5).getrandbits(1)', '-> !', type(ex).__name__, ex)
try:
    print('random.Random(-5).random()', '->', repr(random.Random(-5).random()))
except Exception as ex:
    print('random.Random(-5).random()', '-> !', type(ex).__name__, ex)
try:
    print('random.Random(0).random()', '->', repr(random.Random(0).random()))
except Exception as ex:
    print('random.Random(0).random()', '-> !', type(ex).__name__, ex)
try:
    print('random.Random(2**32).random()', '->', repr(random.Random(2**32).random()))
except Exception as ex:
    print('random.Random(2**32).random()', '-> !', type(ex).__name__, ex)
try:
    print('random.Random(2**32 - 1).random()', '->', repr(random.Random(2**32 - 1).random()))
except Exception as ex:
    print('random.Random(2**32 - 1).random()', '-> !', type(ex).__name__, ex)
try:
    print('random.Random(1.0).random()', '->', repr(random.Random(1.0).random()))
except Exception as ex:
    print('random.Random(1.0).random()', '-> !', type(ex).__name__, ex)
try:
    print('random.Random(0.5).random()', '->', repr(random.Random(0.5).random()))
except Exception as ex:
    print('random.Random(0.5).random()', '-> !', type(ex).__name__, ex)
try:
    print('type(time.time())', '->', repr(type(time.time())))
except Exception as ex:
    print('type(time.time())', '-> !', type(ex).__name__, ex)
