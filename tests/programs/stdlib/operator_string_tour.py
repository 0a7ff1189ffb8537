# tests: operator module functions (itemgetter/attrgetter/methodcaller, arithmetic and comparison functions) and the string module (constants, capwords, Template-free formatting helpers)
import operator
import string

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 8), operator.neg(5), operator.pos(-5), operator.abs(-2.5), operator.invert(5))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.gt(3, 1), operator.ge(1, 3))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 4), operator.rshift(256, 3))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None), operator.contains("abc", "b"))
print(operator.concat([1], [2]), operator.getitem({"k": 9}, "k"), operator.index(7), operator.countOf([1, 2, 1], 1), operator.indexOf("xyz", "z"))
lst = [1, 2, 3]
operator.setitem(lst, 0, 10)
operator.delitem(lst, 1)
print(lst, operator.iadd([1], [2]), operator.imul(3, 4))

records = [("ann", 31, "oslo"), ("bob", 25, "rome"), ("cid", 31, "lima")]
print(sorted(records, key=operator.itemgetter(1, 0)), list(map(operator.itemgetter(2), records)))
print(operator.itemgetter(slice(1, None))("abcd"), operator.itemgetter(-1)(records))

class Emp:
    def __init__(self, name, dept):
        self.name = name
        self.dept = dept
    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"
class Dept:
    def __init__(self, title):
        self.title = title
staff = [Emp("zoe", Dept("ops")), Emp("al", Dept("dev")), Emp("mo", Dept("dev"))]
print([e.name for e in sorted(staff, key=operator.attrgetter("dept.title", "name"))])
print(operator.attrgetter("name", "dept.title")(staff[0]))
print(list(map(operator.methodcaller("greet", "hi"), staff)), operator.methodcaller("greet", "yo", punct="?")(staff[1]))
print(list(map(operator.methodcaller("upper"), ["a", "b"])), operator.methodcaller("split", ",")("x,y"))

from functools import reduce
print(reduce(operator.mul, range(1, 10)), reduce(operator.or_, [1, 2, 4, 8]), list(map(operator.sub, [10, 20], [1, 2])))

print(string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.hexdigits, string.octdigits, len(string.punctuation), len(string.printable), repr(string.whitespace))
print(string.capwords("the quick  brown\tfox"), string.capwords("a-b c-d", "-"))
table = {c: i for i, c in enumerate(string.ascii_lowercase)}
print(sum(table[c] for c in "hello"))
def caesar(text, shift):
    lower = string.ascii_lowercase
    upper = string.ascii_uppercase
    out = []
    for ch in text:
        if ch in lower:
            out.append(lower[(lower.index(ch) + shift) % 26])
        elif ch in upper:
            out.append(upper[(upper.index(ch) + shift) % 26])
        else:
            out.append(ch)
    return "".join(out)
secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
print(all(c in string.printable for c in "abc\n"), [c for c in "a1!B " if c in string.punctuation])
