# Sieve of Eratosthenes, repeated: list allocation, indexed stores, while
# loops with strides, list comprehension filtering, sum.
import sys


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    return [k for k in range(limit + 1) if flags[k]]


def main():
    limit = 1300000
    if len(sys.argv) > 1:
        limit = int(sys.argv[1])
    count = 0
    checksum = 0
    for rep in range(5):
        primes = sieve(limit - rep * 1000)
        count += len(primes)
        checksum = (checksum * 31 + sum(primes[-100:])) % 1000000007
    print("sieve", limit, count, checksum)


main()
