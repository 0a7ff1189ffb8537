# tests: record-like classes written by hand: __eq__/__hash__/__repr__, ordering by key tuples, copying with a replace method, use in sets/dicts/sorting
class Employee:
    def __init__(self, name, dept, salary):
        self.name = name
        self.dept = dept
        self.salary = salary
    def _key(self):
        return (self.dept, -self.salary, self.name)
    def __eq__(self, other):
        if type(other) is not Employee:
            return NotImplemented
        return self._key() == other._key()
    def __hash__(self):
        return hash(self._key())
    def __lt__(self, other):
        return self._key() < other._key()
    def __repr__(self):
        return f"Employee({self.name!r}, {self.dept!r}, {self.salary})"
    def replace(self, **changes):
        fields = {"name": self.name, "dept": self.dept, "salary": self.salary}
        fields.update(changes)
        return Employee(**fields)

staff = [Employee("ann", "eng", 120), Employee("bob", "ops", 90), Employee("cy", "eng", 130),
         Employee("dee", "ops", 90), Employee("ann", "eng", 120)]
print(sorted(staff))
print(len(set(staff)), staff[0] == staff[4], staff[0] is staff[4], staff[0] != staff[1])
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, set()).add(e)
print({d: sorted(es) for d, es in sorted(by_dept.items())})
raise_all = [e.replace(salary=e.salary + 10) for e in staff]
print(raise_all[1], staff[1], max(raise_all, key=lambda e: e.salary))
payroll = {e: e.salary * 12 for e in staff}
print(len(payroll), payroll[Employee("cy", "eng", 130)])
print(sorted(staff, key=lambda e: e.name)[:2], min(staff), Employee("x", "a", 1) < Employee("x", "b", 1))
print(staff[0] == "ann", staff.count(Employee("ann", "eng", 120)), staff.index(Employee("dee", "ops", 90)))
