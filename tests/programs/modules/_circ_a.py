# helper: circular import, first half
print("a: start")
import _circ_b
value_a = "A"
print("a: b.value_b =", _circ_b.value_b)
print("a: b sees a.value_a =", _circ_b.seen)
def from_a():
    return "from a"
print("a: end")
