# Nested integer loops with arithmetic: range iteration, local variables,
# integer add/mul/mod/xor/shift, comparisons.
import sys


def kernel(n):
    acc = 0
    for i in range(n):
        row = i * 7 + 3
        for j in range(n):
            x = (row + j * 13) % 1009
            if x & 1:
                acc = acc + x
            else:
                acc = acc - (x >> 1)
            acc = acc ^ (j & 255)
    return acc


def triangle(n):
    total = 0
    i = 0
    while i < n:
        j = 0
        while j < i:
            total = total + (i - j) * (i + j) % 97
            j = j + 1
        i = i + 1
    return total


def main():
    n = 1900
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    a = kernel(n)
    b = triangle(n)
    print("nested_loops", n, a, b)


main()
