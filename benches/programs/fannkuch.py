# Fannkuch-redux (Benchmarks Game): walk all permutations of 0..n-1 in the
# count-array order, and for each one repeatedly reverse the prefix whose length
# is the first element until a 0 comes first. Stresses list slicing, slice
# assignment with a negative step, pop/insert and tight integer loops.
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        # Count the flips of this permutation.
        if perm1[0] != 0:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k:
                perm[: k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            if perm_index % 2 == 0:
                checksum += flips
            else:
                checksum -= flips
        perm_index += 1
        # Next permutation: rotate the first r+1 elements left by one.
        while r != n:
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return checksum, max_flips, perm_index


def main():
    n = 9
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    checksum, max_flips, perms = fannkuch(n)
    print("fannkuch", n, perms, checksum, max_flips)


main()
