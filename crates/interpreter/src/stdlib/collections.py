# The `collections` module: deque, defaultdict, OrderedDict, Counter and namedtuple with
# CPython 3.13's behaviour, reprs and error messages. defaultdict, OrderedDict and Counter
# are dict subclasses and namedtuple classes are tuple subclasses, as in CPython.

__all__ = ['Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']

from itertools import _bind

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
    'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
    'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'])


# Objects whose repr is in progress (CPython's Py_ReprEnter for these C types).
_repr_running = set()


def _index(x, what=None):
    if isinstance(x, int):
        return int(x)
    raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")


# ----- deque ---------------------------------------------------------------------------

class deque:
    # Items live in self._items[self._head:]; popleft advances _head and compacts
    # occasionally, so append/popleft queues stay O(1) amortized.

    def __init__(self, *args, **kwds):
        iterable, maxlen = _bind('deque', args, kwds, ('iterable', 'maxlen'), 0, ((), None))
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._items = []
        self._head = 0
        self._maxlen = maxlen
        self.extend(iterable)

    def _get_maxlen(self):
        return self._maxlen

    def _set_maxlen(self, value):
        raise AttributeError("attribute 'maxlen' of 'collections.deque' objects is not writable")

    maxlen = property(_get_maxlen, _set_maxlen)

    def _compact(self):
        if self._head:
            del self._items[:self._head]
            self._head = 0

    def _trim_left(self):
        maxlen = self._maxlen
        if maxlen is not None:
            while len(self._items) - self._head > maxlen:
                self._items[self._head] = None
                self._head += 1
            if self._head > 16 and self._head * 2 > len(self._items):
                self._compact()

    def append(self, x):
        self._items.append(x)
        if self._maxlen is not None:
            self._trim_left()

    def appendleft(self, x):
        if self._head:
            self._head -= 1
            self._items[self._head] = x
        else:
            self._items.insert(0, x)
        maxlen = self._maxlen
        if maxlen is not None and len(self._items) - self._head > maxlen:
            self._items.pop()

    def pop(self):
        if len(self._items) == self._head:
            raise IndexError('pop from an empty deque')
        x = self._items.pop()
        if len(self._items) == self._head:
            self._items.clear()
            self._head = 0
        return x

    def popleft(self):
        items = self._items
        head = self._head
        if len(items) == head:
            raise IndexError('pop from an empty deque')
        x = items[head]
        items[head] = None
        head += 1
        if head == len(items):
            items.clear()
            head = 0
        elif head > 16 and head * 2 > len(items):
            del items[:head]
            head = 0
        self._head = head
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._items = []
        self._head = 0

    def copy(self):
        return deque(self, self._maxlen)

    def __copy__(self):
        return self.copy()

    def count(self, x):
        n = 0
        for y in self:
            if y is x or y == x:
                n += 1
        return n

    def index(self, x, start=0, stop=None):
        self._compact()
        n = len(self._items)
        if stop is None:
            stop = n
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            y = self._items[i]
            if y is x or y == x:
                return i
        raise ValueError(f'{x!r} is not in deque')

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._compact()
        self._items.insert(i, x)

    def remove(self, value):
        self._compact()
        for i, y in enumerate(self._items):
            if y is value or y == value:
                del self._items[i]
                return
        raise ValueError(f'{value!r} is not in deque')

    def reverse(self):
        self._compact()
        self._items.reverse()

    def rotate(self, n=1):
        n = _index(n)
        self._compact()
        size = len(self._items)
        if size <= 1:
            return
        n %= size
        if n:
            self._items[:] = self._items[-n:] + self._items[:-n]

    def _position(self, i):
        if not isinstance(i, int):
            raise TypeError(f"'{type(i).__name__}' object cannot be interpreted as an integer")
        n = len(self._items) - self._head
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('deque index out of range')
        return self._head + i

    def __getitem__(self, i):
        return self._items[self._position(i)]

    def __setitem__(self, i, x):
        self._items[self._position(i)] = x

    def __delitem__(self, i):
        position = self._position(i)
        del self._items[position]

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    # Iterators fail like CPython's when the deque's size changes under them (instead
    # of running on, or forever for `for x in d: d.append(x)`).
    def __iter__(self):
        size = len(self._items) - self._head
        i = 0
        while True:
            if len(self._items) - self._head != size:
                raise RuntimeError('deque mutated during iteration')
            if i >= size:
                return
            yield self._items[self._head + i]
            i += 1

    def __reversed__(self):
        size = len(self._items) - self._head
        i = size - 1
        while True:
            if len(self._items) - self._head != size:
                raise RuntimeError('deque mutated during iteration')
            if i < 0:
                return
            yield self._items[self._head + i]
            i -= 1

    def __contains__(self, x):
        for y in self:
            if y is x or y == x:
                return True
        return False

    def _list(self):
        return self._items[self._head:]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() == other._list()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() != other._list()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() < other._list()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() <= other._list()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() > other._list()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._list() >= other._list()

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = deque((), self._maxlen)
        for _ in range(n):
            result.extend(self._list())
        return result

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '[...]'
        _repr_running.add(key)
        try:
            name = type(self).__name__
            if self._maxlen is None:
                return f'{name}({self._list()!r})'
            return f'{name}({self._list()!r}, maxlen={self._maxlen})'
        finally:
            _repr_running.discard(key)


# ----- dict subclasses ---------------------------------------------------------------------

class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwds)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    def __copy__(self):
        return self.copy()

    def __repr__(self):
        if self.default_factory is None:
            factory = 'None'
        else:
            factory = repr(self.default_factory)
        return f'{type(self).__name__}({factory}, {dict.__repr__(self)})'

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ior__(self, other):
        self.update(other)
        return self


class OrderedDict(dict):
    def __init__(self, other=(), **kwds):
        super().__init__()
        self.update(other, **kwds)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, self.pop(key)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            self.update(rest)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def copy(self):
        return type(self)(self)

    def __copy__(self):
        return self.copy()

    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return f'{type(self).__name__}({dict.__repr__(self)})'
        finally:
            _repr_running.discard(key)

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ior__(self, other):
        self.update(other)
        return self


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    def __copy__(self):
        return self.copy()

    def __delitem__(self, elem):
        if elem in self:
            super().__delitem__(elem)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    __hash__ = None

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return f'{type(self).__name__}({d!r})'

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result


# ----- namedtuple --------------------------------------------------------------------------

def _tuple_repr(self):
    name = type(self).__name__
    parts = ', '.join(f'{f}={v!r}' for f, v in zip(self._fields, self))
    return f'{name}({parts})'


def _tuple_asdict(self):
    return dict(zip(self._fields, self))


def _tuple_replace(self, **kwds):
    values = [kwds.pop(f, v) for f, v in zip(self._fields, self)]
    if kwds:
        raise TypeError(f'Got unexpected field names: {list(kwds)!r}')
    return self._make(values)


def _tuple_getnewargs(self):
    return tuple(self)


def _join_names(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _read_only(self, value):
    raise AttributeError("can't set attribute")


def _field_property(i):
    def get(self):
        return tuple.__getitem__(self, i)
    return property(get, _read_only)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier()
                    or name in _KEYWORDS
                    or name.startswith('_')
                    or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    fields = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(fields), reversed(defaults)))))
    nfields = len(fields)

    def __new__(cls, *args, **kwds):
        if len(args) > nfields:
            raise TypeError(f'{typename}.__new__() takes {nfields + 1} positional '
                            f'arguments but {len(args) + 1} were given')
        values = list(args)
        for key in kwds:
            if key not in fields:
                raise TypeError(f'{typename}.__new__() got an unexpected keyword '
                                f'argument {key!r}')
            if fields.index(key) < len(args):
                raise TypeError(f'{typename}.__new__() got multiple values for '
                                f'argument {key!r}')
        missing = []
        for i in range(len(args), nfields):
            name = fields[i]
            if name in kwds:
                values.append(kwds[name])
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        if missing:
            s = '' if len(missing) == 1 else 's'
            raise TypeError(f'{typename}.__new__() missing {len(missing)} required '
                            f'positional argument{s}: {_join_names(missing)}')
        return tuple.__new__(cls, values)

    def _make(cls, iterable):
        values = tuple.__new__(cls, iterable)
        if len(values) != nfields:
            raise TypeError(f'Expected {nfields} arguments, got {len(values)}')
        return values

    namespace = {
        '__new__': __new__,
        '__slots__': (),
        '__repr__': _tuple_repr,
        '_asdict': _tuple_asdict,
        '_replace': _tuple_replace,
        '__getnewargs__': _tuple_getnewargs,
        '__match_args__': fields,
        '_fields': fields,
        '_field_defaults': field_defaults,
        '_make': classmethod(_make),
        '__module__': '__main__' if module is None else module,
    }
    for i, name in enumerate(fields):
        namespace[name] = _field_property(i)
    return type(typename, (tuple,), namespace)
