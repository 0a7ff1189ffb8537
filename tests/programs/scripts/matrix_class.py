# tests: an ordinary numeric class: a Matrix with operator overloading, indexing by tuples, equality, determinant and inverse with fractions-free floats, transpose, identity, errors for bad shapes
class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = [list(r) for r in rows]
        self.n, self.m = len(rows), len(rows[0])

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __add__(self, other):
        self._same_shape(other)
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])

    def __sub__(self, other):
        return self + other * -1

    def __mul__(self, k):
        if isinstance(k, Matrix):
            return self @ k
        return Matrix([[a * k for a in r] for r in self.rows])

    __rmul__ = __mul__

    def __matmul__(self, other):
        if self.m != other.n:
            raise ValueError(f"cannot multiply {self.shape} by {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __pow__(self, k):
        result = Matrix.identity(self.n)
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result

    @property
    def shape(self):
        return (self.n, self.m)

    @property
    def T(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def _same_shape(self, other):
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")

    def det(self):
        if self.n != self.m:
            raise ValueError("determinant of non-square matrix")
        if self.n == 1:
            return self.rows[0][0]
        total = 0
        for j in range(self.m):
            minor = Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]]) if self.n > 1 else None
            total += (-1) ** j * self.rows[0][j] * minor.det()
        return total

    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"

    def __str__(self):
        width = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join(" ".join(str(v).rjust(width) for v in r) for r in self.rows)

a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a + b, a - b, sep="\n")
print(a @ b, a * 2 == 2 * a, (a @ Matrix.identity(2)) == a)
print(a ** 5, Matrix([[1, 1], [1, 0]]) ** 30)
print(a.T, a.shape, a[1, 0], a.det(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det())
a[0, 0] = 10
print(repr(a))
for bad in [lambda: Matrix([[1, 2], [3]]), lambda: a @ Matrix([[1, 2, 3]]), lambda: a + Matrix([[1]]),
            lambda: Matrix([[1, 2, 3]]).det(), lambda: Matrix([])]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(Matrix([[1, 2, 3], [4, 5, 6]]) @ Matrix([[1], [0], [-1]]))
