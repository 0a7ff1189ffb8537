def read_1(self, filenames):
    for filename in filenames:
        try:
            with open(filename) as fp:
                self._read(fp, filename)
        except OSError:
            continue
        read_ok.append(filename)
def r2_2(self, fp):
    for st.lineno, line in enumerate(fp, start=1):
        if not line.clean:
            if self._e:
                if (not line.has_comments and st.optname):
                    st.cursect[st.optname].append('')
            else:
                st.indent_level = sys.maxsize
            continue
        first = 1
def write_bytes_3(self, data):
    maxlinelength = max(
        16,
        76 - len(self.indent.replace(b"\t", b" " * 8) * self._indent_level))
def spawn_4(argv):
    try:
        mode = tcgetattr(STDIN_FILENO)
        restore = True
    except tty.error:
        restore = False
    try:
        _copy(master_fd)
    finally:
        if restore:
            tcsetattr(STDIN_FILENO)
    close(master_fd)
