# helper: a syntax error CPython and cpjit word the same way
values = (1, 2,
