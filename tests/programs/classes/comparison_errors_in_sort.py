# tests: user comparisons inside sorting and searching: exceptions raised by __lt__ during sorted()/list.sort(), classes with only __gt__ (reflected for sorting, max, min), an always-equal __eq__ in membership, count, tuple and list equality
class Bad:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise ValueError("cannot compare 3")
        return self.v < other.v
    def __repr__(self): return f"Bad({self.v})"
items = [Bad(5), Bad(1), Bad(4)]
print(sorted(items))
try:
    sorted([Bad(5), Bad(3), Bad(1)])
except ValueError as e:
    print("ValueError:", e)
lst = [Bad(2), Bad(3), Bad(1)]
try:
    lst.sort()
except ValueError as e:
    print("ValueError:", e, len(lst))
class OnlyGt:
    def __init__(self, v): self.v = v
    def __gt__(self, other): return self.v > other.v
    def __repr__(self): return f"G{self.v}"
print(sorted([OnlyGt(3), OnlyGt(1), OnlyGt(2)]), max([OnlyGt(1), OnlyGt(9)]), min(OnlyGt(4), OnlyGt(2)))
class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ called")
        return True
print(Eq() in [1, 2], [1].count(Eq()), Eq() == 5, 5 == Eq(), [Eq()] == [3], (1, Eq()) == (1, 2))
print(1 in [Eq()], {1: "a"}.get(1), [1, Eq()].index(Eq()) if False else "-")
