# tests: a class statement whose body makes the collector run, with a temporary base, a temporary metaclass and class keywords
def make_meta():
    class M(type):
        def __new__(mcs, name, bases, ns, **kw):
            cls = super().__new__(mcs, name, bases, ns)
            cls.kw = kw
            return cls
    return M
def make_base():
    class B:
        tag = "base"
    return B
class C(make_base(), metaclass=make_meta(), extra=[1, 2, 3]):
    junk = []
    for i in range(200000):
        junk.append([i, [i]])
        if len(junk) > 100:
            junk = []
    del i
print(C.tag, type(C).__name__, C.kw, C.__bases__[0].__name__)
