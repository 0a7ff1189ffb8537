# helper: a module without __all__
alpha = "a"
beta = "b"
_gamma = "g"
import math as _math
def helper():
    return _math.floor(2.5)
