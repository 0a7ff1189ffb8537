# tests: a failing assert with a computed message inside a method (AssertionError, exit code 1)
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, other):
        assert len(self.rows[0]) == len(other.rows), f"shape mismatch {len(self.rows[0])} vs {len(other.rows)}"
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*other.rows)] for r in self.rows])

a = Matrix([[1, 2], [3, 4]])
print((a @ a).rows)
b = Matrix([[1, 2, 3]])
print((b @ Matrix([[1], [2], [3]])).rows)
a @ b
