# helper submodule
print("init _pkg._leaf, __name__ =", __name__, "__package__ =", __package__)
leaf_value = 42
def where():
    return __name__
