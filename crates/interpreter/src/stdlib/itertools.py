# The `itertools` module: CPython 3.13's iterators (as classes, so type names and the
# reprs of count/repeat match) with its argument errors. Each iterator type validates its
# arguments eagerly, like the C constructors, and then runs a generator.

_MAXSIZE = 9223372036854775807


_MISSING = object()


def _positional(name, args, kwds, low, high):
    # C constructors that take positional arguments only.
    if kwds:
        raise TypeError(f'{name}() takes no keyword arguments')
    n = len(args)
    if low == high:
        if n != low:
            s = '' if low == 1 else 's'
            raise TypeError(f'{name} expected {low} argument{s}, got {n}')
    elif n < low:
        s = '' if low == 1 else 's'
        raise TypeError(f'{name} expected at least {low} argument{s}, got {n}')
    elif n > high:
        s = '' if high == 1 else 's'
        raise TypeError(f'{name} expected at most {high} argument{s}, got {n}')
    return args


def _bind(name, args, kwds, names, required, defaults=()):
    # Argument-clinic constructors: positional-or-keyword parameters.
    total = len(args) + len(kwds)
    if total > len(names):
        raise TypeError(f'{name}() takes at most {len(names)} arguments ({total} given)')
    values = list(args) + [_MISSING] * (len(names) - len(args))
    for key in kwds:
        if key not in names:
            raise TypeError(f"{name}() got an unexpected keyword argument '{key}'")
        i = names.index(key)
        if values[i] is not _MISSING:
            raise TypeError(f"argument for {name}() given by name ('{key}') and position ({i + 1})")
        values[i] = kwds[key]
    for i in range(len(names)):
        if values[i] is _MISSING:
            if i < required:
                raise TypeError(f"{name}() missing required argument '{names[i]}' (pos {i + 1})")
            values[i] = defaults[i - required]
    return values


class _Iterator:
    # Iterating hands out the underlying generator, so `for` loops and list() run at
    # generator speed; next() on the object itself goes through __next__. Both consume
    # the same generator. (Known divergence: `iter(it) is it` is False.)
    def __iter__(self):
        return self._gen

    def __next__(self):
        return next(self._gen)


def _count(counter):
    # Keeps the object's value current, so repr(count) shows the next value.
    step = counter._step
    while True:
        value = counter._value
        counter._value = value + step
        yield value


def _repeat(repeater):
    element = repeater._object
    if repeater._times is None:
        while True:
            yield element
    while repeater._times > 0:
        repeater._times -= 1
        yield element


class count(_Iterator):
    def __init__(self, *args, **kwds):
        start, step = _bind('count', args, kwds, ('start', 'step'), 0, (0, 1))
        for value in (start, step):
            if not isinstance(value, (int, float)):
                raise TypeError('a number is required')
        self._value = start
        self._step = step
        self._gen = _count(self)

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return f'count({self._value!r})'
        return f'count({self._value!r}, {self._step!r})'


class repeat(_Iterator):
    def __init__(self, *args, **kwds):
        self._object, times = _bind('repeat', args, kwds, ('object', 'times'), 1, (None,))
        if times is not None:
            if not isinstance(times, int):
                raise TypeError(f"'{type(times).__name__}' object cannot be interpreted as an integer")
            if times < 0:
                times = 0
        self._times = times
        self._gen = _repeat(self)

    def __len__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


class cycle(_Iterator):
    def __init__(self, *args, **kwds):
        iterable, = _positional('cycle', args, kwds, 1, 1)
        self._gen = _cycle(iter(iterable))


def _chain(iterables):
    for it in iterables:
        for element in it:
            yield element


class chain(_Iterator):
    def __init__(self, *iterables, **kwds):
        _positional('chain', iterables, kwds, 0, len(iterables))
        self._gen = _chain(iterables)

    @classmethod
    def from_iterable(cls, iterable):
        result = cls()
        result._gen = _chain(iter(iterable))
        return result


def _islice_args(args):
    if len(args) == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop = args[0], args[1]
        step = args[2] if len(args) > 2 else None
    if stop is not None and (not isinstance(stop, int) or stop < 0 or stop > _MAXSIZE):
        raise ValueError('Stop argument for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.')
    if start is not None and (not isinstance(start, int) or start < 0 or start > _MAXSIZE):
        raise ValueError('Indices for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.')
    if step is not None and (not isinstance(step, int) or step < 1 or step > _MAXSIZE):
        raise ValueError('Step for islice() must be a positive integer or None.')
    return start or 0, stop, step or 1


def _islice(it, start, stop, step):
    i = 0
    nexti = start
    if stop is not None and stop <= start:
        # Consume nothing beyond what CPython does: it reads `start` items only when
        # the slice is non-empty.
        for _ in zip(range(stop), it):
            pass
        return
    for element in it:
        if i == nexti:
            yield element
            nexti += step
        i += 1
        if stop is not None and i >= stop:
            return
        if stop is not None and nexti >= stop:
            return


class islice(_Iterator):
    def __init__(self, *args, **kwds):
        _positional('islice', args, kwds, 2, 4)
        iterable = args[0]
        start, stop, step = _islice_args(args[1:])
        self._gen = _islice(iter(iterable), start, stop, step)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        for total in it:
            break
        else:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


class accumulate(_Iterator):
    def __init__(self, *args, **kwds):
        if len(args) > 2:
            raise TypeError(f'accumulate() takes at most 2 positional arguments ({len(args)} given)')
        initial = kwds.pop('initial', None)
        iterable, func = _bind('accumulate', args, kwds, ('iterable', 'func'), 1, (None,))
        self._gen = _accumulate(iter(iterable), func, initial)


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


class compress(_Iterator):
    def __init__(self, *args, **kwds):
        data, selectors = _bind('compress', args, kwds, ('data', 'selectors'), 2)
        self._gen = _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


class dropwhile(_Iterator):
    def __init__(self, *args, **kwds):
        predicate, iterable = _positional('dropwhile', args, kwds, 2, 2)
        self._gen = _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


class takewhile(_Iterator):
    def __init__(self, *args, **kwds):
        predicate, iterable = _positional('takewhile', args, kwds, 2, 2)
        self._gen = _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


class filterfalse(_Iterator):
    def __init__(self, *args, **kwds):
        predicate, iterable = _positional('filterfalse', args, kwds, 2, 2)
        self._gen = _filterfalse(predicate, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


class starmap(_Iterator):
    def __init__(self, *args, **kwds):
        function, iterable = _positional('starmap', args, kwds, 2, 2)
        self._gen = _starmap(function, iter(iterable))


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


class pairwise(_Iterator):
    def __init__(self, *args, **kwds):
        iterable, = _positional('pairwise', args, kwds, 1, 1)
        self._gen = _pairwise(iter(iterable))


def _batched(it, n, strict):
    while True:
        batch = tuple(islice(it, n))
        if not batch:
            return
        if strict and len(batch) != n:
            raise ValueError('batched(): incomplete batch')
        yield batch


class batched(_Iterator):
    def __init__(self, *args, **kwds):
        if len(args) > 2:
            raise TypeError(f'batched() takes exactly 2 positional arguments ({len(args)} given)')
        strict = kwds.pop('strict', False)
        iterable, n = _bind('batched', args, kwds, ('iterable', 'n'), 2)
        if not isinstance(n, int):
            raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
        if n < 1:
            raise ValueError('n must be at least one')
        self._gen = _batched(iter(iterable), n, strict)


def _zip_longest(iterators, fillvalue):
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            for value in it:
                break
            else:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


class zip_longest(_Iterator):
    def __init__(self, *iterables, **kwds):
        fillvalue = kwds.pop('fillvalue', None)
        if kwds:
            raise TypeError('zip_longest() got an unexpected keyword argument')
        self._gen = _zip_longest([iter(it) for it in iterables], fillvalue)


class _grouper(_Iterator):
    pass


def _groupby(iterator, key):
    keyfunc = (lambda x: x) if key is None else key
    exhausted = False

    def _grouper_gen(target_key):
        nonlocal curr_value, curr_key, exhausted
        yield curr_value
        for curr_value in iterator:
            curr_key = keyfunc(curr_value)
            if curr_key != target_key:
                return
            yield curr_value
        exhausted = True

    try:
        curr_value = next(iterator)
    except StopIteration:
        return
    curr_key = keyfunc(curr_value)
    while not exhausted:
        target_key = curr_key
        group = _grouper()
        group._gen = _grouper_gen(target_key)
        yield curr_key, group
        if curr_key == target_key:
            for _ in group._gen:
                pass


class groupby(_Iterator):
    def __init__(self, *args, **kwds):
        iterable, key = _bind('groupby', args, kwds, ('iterable', 'key'), 1, (None,))
        self._gen = _groupby(iter(iterable), key)


def _tee_gen(it, buffers, mine):
    while True:
        if not mine:
            for value in it:
                break
            else:
                return
            for b in buffers:
                b.append(value)
        yield mine.pop(0)


class _tee(_Iterator):
    pass


def tee(*args, **kwds):
    _positional('tee', args, kwds, 1, 2)
    iterable = args[0]
    n = args[1] if len(args) > 1 else 2
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    result = []
    for b in buffers:
        t = _tee()
        t._gen = _tee_gen(it, buffers, b)
        result.append(t)
    return tuple(result)


def _r_arg(r, name):
    if not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def _product(pools):
    # Lazy odometer over the pools, rightmost fastest (the C implementation's order).
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    indices = [0] * n
    current = [pool[0] for pool in pools]
    yield tuple(current)
    while True:
        i = n - 1
        while i >= 0:
            index = indices[i] + 1
            pool = pools[i]
            if index < len(pool):
                indices[i] = index
                current[i] = pool[index]
                break
            indices[i] = 0
            current[i] = pool[0]
            i -= 1
        if i < 0:
            return
        yield tuple(current)


class product(_Iterator):
    def __init__(self, *iterables, **kwds):
        repeat = kwds.pop('repeat', 1)
        for key in kwds:
            raise TypeError(f"product() got an unexpected keyword argument '{key}'")
        if not isinstance(repeat, int):
            raise TypeError(f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        self._gen = _product(pools)


class permutations(_Iterator):
    def __init__(self, *args, **kwds):
        iterable, r = _bind('permutations', args, kwds, ('iterable', 'r'), 1, (None,))
        pool = tuple(iterable)
        r = len(pool) if r is None else _r_arg(r, 'r')
        # Native (`_itertools`), as CPython's is C: nested loops over permutations
        # are hot.
        self._gen = _permutations_iterator(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i+1, r):
            indices[j] = indices[j-1] + 1
        yield tuple([pool[i] for i in indices])


class combinations(_Iterator):
    def __init__(self, *args, **kwds):
        iterable, r = _bind('combinations', args, kwds, ('iterable', 'r'), 2)
        pool = tuple(iterable)
        self._gen = _combinations(pool, _r_arg(r, 'r'))


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple([pool[i] for i in indices])


class combinations_with_replacement(_Iterator):
    def __init__(self, *args, **kwds):
        iterable, r = _bind('combinations_with_replacement', args, kwds, ('iterable', 'r'), 2)
        pool = tuple(iterable)
        self._gen = _combinations_with_replacement(pool, _r_arg(r, 'r'))
