# String building: concatenation, join, f-strings, slicing, str()/int()
# conversion, len, comparison, indexing.
import sys


def concat(n):
    s = ""
    for i in range(n):
        s = s + str(i % 10)
        if len(s) > 200:
            s = s[100:]
    return s


def joined(n):
    parts = []
    for i in range(n):
        parts.append(f"{i}:{i * i % 97}")
    text = ",".join(parts)
    return len(text), text[-20:]


def fstrings(n):
    total = 0
    for i in range(n):
        name = f"item-{i + 10000}-{i % 7}"
        total += len(name)
        if name[-1] == "3":
            total += int(name[5:10])
    return total


def slicing(n):
    base = "the quick brown fox jumps over the lazy dog " * 4
    acc = 0
    for i in range(n):
        k = i % 40
        piece = base[k : k + 25]
        rev = piece[::-1]
        if rev < piece:
            acc += 1
        j = 0
        while j < len(piece):
            if piece[j] == "o":
                acc += j
            j += 5
    return acc


def main():
    n = 600000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    a = concat(n)
    b = joined(n)
    c = fstrings(n)
    d = slicing(n)
    print("string_build", n, len(a), a[:20], b[0], b[1], c, d)


main()
