# tests: docstrings and annotations are accepted and ignored by execution
def area(w: float, h: float = 1.0) -> float:
    """Return the area of a rectangle."""
    return w * h
print(area(3, 4), area(2.5))
def noop(x: "anything") -> None:
    "single-quoted docstring"
    return None
print(noop(1))
count: int = 5
print(count)
