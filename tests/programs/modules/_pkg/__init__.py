# helper package
print("init _pkg, __name__ =", __name__, "__package__ =", __package__)
from . import _leaf
from ._leaf import leaf_value
package_value = "pkg"
