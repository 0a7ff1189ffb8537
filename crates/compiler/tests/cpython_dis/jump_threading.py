def f_1(self, data):
    while True:
        try:
            a = g()
        except E as exc:
            if x:
                a = 1
                if y:
                    raise
            else:
                raise
        b = a
def f_2(self, ignore, shallow):
    if ignore is None:
        self.ignore = D
    else:
        self.ignore = ignore
    self.shallow = shallow
def g_3(names, posix):
    result = []
    if posix:
        for name in names:
            if match(name):
                result.append(name)
    else:
        for name in names:
            result.append(name)
    return result
def f_4(self, perm):
    for x in self:
        if x:
            try:
                os.chmod(x)
            except OSError:
                pass
        self.y = 1
def g_5(m, numerator):
    if m:
        exp = m.group('exp')
        if exp:
            numerator *= 10
        if m.group('sign') == '-':
            numerator = -numerator
    else:
        numerator = 3
    return numerator
def h_6(self):
    for x in self.common:
        a = 1
        ok = True
        try:
            a_stat = os.stat(a_path)
        except OSError:
            ok = False
def _dataclass_repr_7(self):
    dcf = self.__dataclass_fields__
    return ', '.join(
            '%s=%r' % (k, getattr(self, k))
            for k in dcf.keys()
            if dcf[k].repr
            )
def do_longs_8(opts, opt, longopts, args):
    has_arg, opt = long_has_args(opt, longopts)
    if has_arg:
        if optarg is None:
            if not args:
                raise GetoptError(opt)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError(opt)
    opts.append(('--' + opt, optarg or ''))
    return opts, args
def get_default_9(self, dest):
    for action in self._actions:
        if action.dest == dest and action.default is not None:
            return action.default
    return self._defaults.get(dest, None)
def f_10(self, other):
    for flag in self, other:
        if self._get_value(flag) is None:
            raise TypeError(1)
    return 2
