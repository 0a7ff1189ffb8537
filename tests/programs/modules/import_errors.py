# tests: failing imports: missing modules and names, modules raising, failed modules not cached
import sys
try:
    import does_not_exist_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import _shapes.nothing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from _shapes import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    from does_not_exist_either import x
except ImportError as e:
    print(type(e).__name__, e, isinstance(e, ModuleNotFoundError))
for attempt in range(2):
    try:
        import _fail_once
    except ValueError as e:
        print("attempt", attempt, "ValueError:", e, "_fail_once" in sys.modules)
try:
    import _raises
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, "_raises" in sys.modules)
try:
    import _bad_syntax
except SyntaxError as e:
    print("SyntaxError", type(e).__name__, "_bad_syntax" in sys.modules, e.lineno, e.filename.endswith("_bad_syntax.py"), e.text)
try:
    from . import sibling
except ImportError as e:
    print("ImportError:", e)
import _calls_back
try:
    _calls_back.nested([1, 2, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print("done")
