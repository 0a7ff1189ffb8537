# tests: nonlocal across multiple levels, nonlocal vs local shadowing
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 10
        inner()
        return x
    r = mid()
    return r, x
print(outer())
def shadowing():
    v = "outer"
    def inner():
        v = "inner"
        return v
    return inner(), v
print(shadowing())
def make():
    items = []
    count = 0
    def add(x):
        nonlocal count
        items.append(x)
        count += 1
        return count
    return add, items
add, items = make()
add("a"); add("b")
print(add("c"), items)
