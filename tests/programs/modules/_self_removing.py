# helper: takes itself out of sys.modules while being imported (CPython's importlib then fails)
import sys

garbage = [[i] * 3 for i in range(50000)]
del sys.modules[__name__]
