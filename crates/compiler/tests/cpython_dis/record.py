"""Records CPython 3.13's `dis` listing of every `*.py` here into `*.dis`.

Run once with CPython 3.13 (`python3.13 record.py`); the listings are committed and the
`cpython_dis` test compares the compiler's output against them without needing CPython.
"""
import dis
import glob
import io
import os
import sys

assert sys.version_info[:2] == (3, 13), "record with CPython 3.13"
here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, "*.py"))):
    if os.path.basename(path) == "record.py":
        continue
    name = os.path.basename(path)
    with open(path) as f:
        source = f.read()
    code = compile(source, name, "exec")
    out = io.StringIO()
    dis.dis(code, file=out)
    with open(path[:-3] + ".dis", "w") as f:
        f.write(out.getvalue())
