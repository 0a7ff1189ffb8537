# tests: circular imports see a partially initialised module, as in CPython
import _circ_a
print("main: a.value_a =", _circ_a.value_a)
import _circ_b
print("main:", _circ_b.call_a(), _circ_b.seen, _circ_b._circ_a is _circ_a)
import sys
print([m for m in sorted(sys.modules) if m.startswith("_circ")])
