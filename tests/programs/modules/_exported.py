# helper: a module with __all__
__all__ = ["public_one", "_semi_private"]

public_one = 1
public_two = 2
_semi_private = 3
