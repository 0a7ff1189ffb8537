# tests: the collector running while a module body executes during an import; a module removing itself from sys.modules
import sys
from _gc_heavy import result

print(result, "_gc_heavy" in sys.modules)
import _gc_heavy as again

print(again.result, again is sys.modules["_gc_heavy"])
for attempt in range(2):
    try:
        import _self_removing
    except KeyError as e:
        print("KeyError:", e, "_self_removing" in sys.modules)
import _pkg._leaf

print(_pkg._leaf.leaf_value)
