# tests: module-level __getattr__ (PEP 562) answers attribute lookups and from-imports of missing names
import _lazy
from _lazy import lazy_thing, present

print(_lazy.present, _lazy.lazy_value, lazy_thing, present)
print(hasattr(_lazy, "lazy_x"), hasattr(_lazy, "other"), getattr(_lazy, "other", "default"))
try:
    _lazy.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    from _lazy import nothing
except ImportError as e:
    print("ImportError:", str(e)[: str(e).rindex(" (")])
