# tests: from-import cycles: CPython's "partially initialized module" ImportError, failed modules leave sys.modules
import sys


def without_location(message):
    return message[: message.rindex(" (")]


try:
    import _circ_c
except ImportError as e:
    print(type(e).__name__, without_location(str(e)))
print(sorted(m for m in sys.modules if m.startswith("_circ")))
try:
    from _circ_d import d_value
except ImportError as e:
    print(type(e).__name__, without_location(str(e)))
import _main_guard
print(_main_guard.RESULT, _main_guard.main(), _main_guard.__name__)
from _main_guard import main as entry
print(entry is _main_guard.main, entry())
import _pkg._leaf as leaf
from _pkg import _leaf as same_leaf
print(leaf is same_leaf, leaf.__package__)
