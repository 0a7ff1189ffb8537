# tests: packages: __init__.py, submodules, relative imports, from-package-import-submodule
import _pkg
print(_pkg.__name__, _pkg.package_value, _pkg.leaf_value, _pkg._leaf.where())
print(_pkg.__package__, _pkg._leaf.__package__, hasattr(_pkg, "__path__"))
import _pkg._leaf
print(_pkg._leaf.leaf_value)
import _pkg._leaf as leaf
print(leaf is _pkg._leaf, leaf.__name__)
print(hasattr(_pkg, "_other"))
from _pkg import _other
print(_other.other_value, _other.__name__, hasattr(_pkg, "_other"))
from _pkg._leaf import where
print(where())
try:
    import _pkg._sub
except ImportError as e:
    print("ImportError:", e)
try:
    import _pkg.missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from _pkg import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
import sys
print(sorted(m for m in sys.modules if m.startswith("_pkg")))
