# tests: sieve of Eratosthenes up to 30000 with list indexing in hot loops
N = 30000
is_prime = [True] * (N + 1)
is_prime[0] = is_prime[1] = False
p = 2
while p * p <= N:
    if is_prime[p]:
        for m in range(p * p, N + 1, p):
            is_prime[m] = False
    p += 1
primes = [i for i in range(N + 1) if is_prime[i]]
print(len(primes), primes[:10], primes[-3:], sum(primes))
