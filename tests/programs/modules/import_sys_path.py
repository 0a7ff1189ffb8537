# tests: sys.path starts with the script's directory; appending a directory makes its modules importable
import sys
print(sys.path[0].endswith("modules"), type(sys.path).__name__)
try:
    import _leaf
except ModuleNotFoundError as e:
    print("before:", e)
sys.path.append(sys.path[0] + "/_pkg")
import _leaf
print(_leaf.__name__, _leaf.leaf_value, _leaf.where())
import _pkg._leaf
print(_pkg._leaf is _leaf, _pkg._leaf.where())
