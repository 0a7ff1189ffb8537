# tests: from module import * with and without __all__
from _exported import *
print(public_one, _semi_private)
try:
    print(public_two)
except NameError as e:
    print("NameError:", e)
from _noall import *
print(alpha, beta, helper())
try:
    print(_gamma)
except NameError as e:
    print("NameError:", e)
print("math" in globals(), "_math" in globals(), "helper" in globals())
import _noall
print(_noall._gamma, _noall._math.pi)
