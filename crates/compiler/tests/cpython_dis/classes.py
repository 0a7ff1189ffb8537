class A(B, metaclass=M):
    """doc"""
    x: int = 3
    def __init__(self, a, *args, k=1, **kw):
        super().__init__(a)
        self.a = a
        self.__p = 2
    @property
    def p(self):
        return self.__p
def gen(xs):
    yield from xs
