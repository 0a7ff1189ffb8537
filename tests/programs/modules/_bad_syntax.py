# helper: does not compile
def broken(:
    pass
