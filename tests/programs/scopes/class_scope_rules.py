# tests: class-body scoping: class variables invisible inside methods unless qualified, names resolved at call time, global/nonlocal interplay with class bodies, class body executed once in order
x = "global x"

class Example:
    x = "class x"
    y = x + " (read in body)"
    print("class body runs:", x, y)

    def method(self):
        return x

    def qualified(self):
        return self.x, Example.x, type(self).x

    lst = [x for _ in range(2)]

e = Example()
print(e.method(), e.qualified(), Example.y, Example.lst)

def factory():
    x = "enclosing x"
    class Inner:
        y = x
        def get(self):
            return x
    return Inner
I = factory()
print(I.y, I().get())

def factory2():
    value = 1
    class C:
        value = 2
        def get(self):
            return value
    return C().get(), C.value
print(factory2())

order = []
class Ordered:
    order.append("a")
    def f(self):
        pass
    order.append("b")
    g = f
    order.append("c")
print(order, Ordered.g is Ordered.f)

counter = 0
class UsesGlobal:
    global counter
    counter += 10
print(counter)

def later():
    return Late.value
class Late:
    value = "defined after the function"
print(later())

class Shadow:
    len = 5
    size = len
    def measure(self, seq):
        return len(seq)
print(Shadow.size, Shadow().measure([1, 2, 3]))
