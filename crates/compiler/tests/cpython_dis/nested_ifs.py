def a_1(x, y):
    if x:
        if y is None:
            x = 1
    else:
        x = 2
    print(x, y, x, y, x)
    return x
def b_2(x, y):
    if x:
        if y:
            x = 1
    else:
        x = 2
    print(x, y, x, y, x)
    return x
def b_3(x, y):
    if x:
        if y:
            x = 1
        else:
            x = 5
    else:
        x = 2
    print(x, y, x, y, x)
    return x
def c_4(x, y):
    while x:
        if y:
            x = 1
    print(x, y, x, y, x)
def d_5(x, y):
    for z in x:
        if y:
            x = 1
        elif x:
            x = 7
    print(x, y, x, y, x)
def c_6(x, y):
    for z in x:
        if x:
            if y:
                x = 1
        else:
            x = 2
        print(x)
def d_7(x, y):
    if x:
        if y:
            x = 1
        x = 3
    else:
        x = 2
    print(x, y, x, y, x)
    return x
def read_8(self, filenames):
    for filename in filenames:
        try:
            with open(filename) as fp:
                self._read(fp, filename)
        except OSError:
            continue
        read_ok.append(filename)
def r2_9(self, fp):
    for st.lineno, line in enumerate(fp, start=1):
        if not line.clean:
            if self._e:
                if (not line.has_comments and st.optname):
                    st.cursect[st.optname].append('')
            else:
                st.indent_level = sys.maxsize
            continue
        first = 1
def ensure_fromlist_10(self, m, fromlist, recursive=0):
    for sub in fromlist:
        if sub == "*":
            if not recursive:
                all = self.find_all_submodules(m)
        elif not hasattr(m, sub):
            submod = 1
def g_11(self, key):
    try:
        f = open(path, 'rb+')
    except OSError as e:
        if e.errno == errno.ENOENT:
            raise KeyError('No message with key: %s' % key)
        else:
            raise
def f_12(self, name):
    if self.a is None:
        self.a = name
    elif name != self.a:
        raise TypeError(
            "Cannot "
            f"({self.a!r} and {name!r})."
        )
def f_13(a, b):
    return (f"x{a}"
        f"y{b}")
def g_14(a, b):
    return (f"x{a}"
        "y")
def h_15(a, b):
    return f"""x{a}
{b}y"""
def k_16(a,b):
    return ("x"
      f"{b}y")
