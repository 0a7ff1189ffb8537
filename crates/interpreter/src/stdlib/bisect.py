# The `bisect` module: bisect_left/right and insort_left/right come from `_bisect`
# (builtin functions, as in CPython); these are the aliases Lib/bisect.py defines.

bisect = bisect_right
insort = insort_right
