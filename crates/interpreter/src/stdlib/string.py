# The `string` module: CPython 3.13's constants and capwords.

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ----- Template ------------------------------------------------------------------------
# CPython's class is driven by a regular expression; there is no `re` here, so the
# placeholders ($$, $name, ${name}) are scanned by hand with the same rules: an
# identifier is ASCII letters, digits and underscores, not starting with a digit.

_ID_START = ascii_letters + '_'
_ID_CHARS = _ID_START + digits


class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (kind, text, start): 'text' runs, 'escaped' $$, 'named' and
        'braced' placeholders, and 'invalid' delimiters."""
        s = self.template
        n = len(s)
        i = 0
        start = 0
        while i < n:
            if s[i] != '$':
                i += 1
                continue
            if i > start:
                yield 'text', s[start:i], start
            j = i + 1
            if j < n and s[j] == '$':
                yield 'escaped', '$', i
                i = start = j + 1
                continue
            if j < n and s[j] in _ID_START:
                k = j + 1
                while k < n and s[k] in _ID_CHARS:
                    k += 1
                yield 'named', s[j:k], i
                i = start = k
                continue
            if j < n and s[j] == '{':
                k = j + 1
                if k < n and s[k] in _ID_START:
                    m = k + 1
                    while m < n and s[m] in _ID_CHARS:
                        m += 1
                    if m < n and s[m] == '}':
                        yield 'braced', s[k:m], i
                        i = start = m + 1
                        continue
            yield 'invalid', '$', i
            i = start = j
        if start < n:
            yield 'text', s[start:], start

    def _invalid(self, index):
        lines = self.template[:index].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = index - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        out = []
        for kind, text, start in self._scan():
            if kind == 'text' or kind == 'escaped':
                out.append(text)
            elif kind == 'invalid':
                self._invalid(start + 1)
            else:
                out.append(str(mapping[text]))
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        out = []
        for kind, text, start in self._scan():
            if kind == 'text' or kind == 'escaped' or kind == 'invalid':
                out.append(text)
            else:
                try:
                    out.append(str(mapping[text]))
                except KeyError:
                    out.append('$' + text if kind == 'named' else '${' + text + '}')
        return ''.join(out)

    def is_valid(self):
        for kind, text, start in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, text, start in self._scan():
            if (kind == 'named' or kind == 'braced') and text not in ids:
                ids.append(text)
        return ids
