# helper: a module whose body raises
x = 1


def fail(n):
    return 10 // n


fail(0)
