# tests: importing a .py module next to the script: import, import as, from-import, __name__, caching
print("main __name__:", __name__)
import _shapes
print(_shapes.__name__, _shapes.PI, _shapes.area(2))
print(_shapes.Square(3), _shapes.Square(3).area(), type(_shapes.Square(1)).__name__)
print(_shapes.Square.__module__, _shapes.area.__module__)
import _shapes as sh
print(sh is _shapes, sh.PI)
from _shapes import area, Square as Sq, PI
print(area(1), Sq(5), PI)
print(_shapes.bump(), _shapes.bump(), sh.counter)
import _shapes
print("second import runs nothing; counter still", _shapes.counter)
import sys
print("_shapes" in sys.modules, sys.modules["_shapes"] is _shapes)
print(type(_shapes).__name__, _shapes._private)
print(sorted(k for k in _shapes.__dict__ if not k.startswith("__")))
print(hasattr(_shapes, "__file__"), _shapes.__file__.endswith("_shapes.py"))
def use_inside_function():
    import _shapes as inner
    from _shapes import Square
    return inner.PI, Square(2).area()
print(use_inside_function())
if __name__ == "__main__":
    print("main guard runs")
