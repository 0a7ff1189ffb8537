# Recursive Fibonacci: call overhead, small-int arithmetic, comparisons.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = 33
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    total = 0
    for i in range(3):
        total = total + fib(n - i)
    print("fib", n, total)


main()
