# A tight float accumulation loop: float add/mul/div, int->float conversion,
# comparisons, while loop; little else.
import sys


def accumulate(n):
    total = 0.0
    x = 0.5
    i = 0
    while i < n:
        x = x * 1.000001 + 0.25
        if x > 1000.0:
            x = x - 999.5
        total += x / (i + 1.0)
        i += 1
    return total


def harmonic_like(n):
    s = 0.0
    for k in range(1, n + 1):
        f = float(k)
        s += 1.0 / (f * f + 0.5) - 0.5 / (f + 2.0)
    return s


def main():
    n = 3000000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    a = accumulate(n)
    b = harmonic_like(n)
    print("float_loop", n, f"{a:.6f}", f"{b:.9f}")


main()
