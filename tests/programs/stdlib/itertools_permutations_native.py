# itertools.permutations runs natively (as CPython's C iterator): order, r, empty
# pools, partial consumption, errors.
from itertools import permutations
print(list(permutations([1,2,3])))
print(list(permutations("abcd", 2))[:7], len(list(permutations(range(6), 3))))
print(list(permutations([], 0)), list(permutations([1], 2)), list(permutations([1,2], 0)))
p = permutations([1, 2, 3])
print(next(p), next(p), list(p))
try:
    permutations([1], -1)
except ValueError as e:
    print(e)
print(sum(1 for _ in permutations(range(7))))
print(type(p).__name__)
