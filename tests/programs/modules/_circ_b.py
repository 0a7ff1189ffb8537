# helper: circular import, second half (sees _circ_a partially initialised)
print("b: start")
import _circ_a
print("b: a has value_a?", hasattr(_circ_a, "value_a"))
seen = getattr(_circ_a, "value_a", "missing")
value_b = "B"
def call_a():
    return _circ_a.from_a()
print("b: end")
