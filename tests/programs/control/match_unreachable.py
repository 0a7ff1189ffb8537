# tests: a name capture before other cases is a compile-time SyntaxError, as in CPython
print("never printed: the module does not compile")


def f(value):
    match value:
        case captured:
            return captured
        case 1:
            return "one"
