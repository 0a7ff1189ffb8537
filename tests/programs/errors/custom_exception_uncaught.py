# tests: an uncaught user-defined exception: traceback last line uses the class name
class ValidationError(ValueError):
    pass

def check(x):
    if x < 0:
        raise ValidationError(f"negative: {x}")
    return x

print(check(3))
check(-2)
