# A small tour of what cpjit runs today.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def primes(limit):
    sieve = [True] * (limit + 1)
    found = []
    for n in range(2, limit + 1):
        if sieve[n]:
            found.append(n)
            for multiple in range(n * n, limit + 1, n):
                sieve[multiple] = False
    return found


words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
for word in words:
    counts[word] = counts.get(word, 0) + 1

print(f"fib(20) = {fib(20)}")
print("primes:", primes(50))
print("most common:", max(counts.items(), key=lambda item: item[1]))
print(f"{2 ** 100 = }")
print(f"{0.1 + 0.2!r} {1e16} {3.14159:.2f}")
try:
    {}["missing"]
except KeyError as error:
    print("caught", repr(error))
