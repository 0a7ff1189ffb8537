# tests: an ordinary text-processing script: tokenizing, normalizing, counting with dicts, sorting by multiple keys, formatted report
TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair.
"""

STOP = {"it", "was", "the", "of"}

def tokenize(text):
    word = []
    for ch in text:
        if ch.isalpha() or ch == "'":
            word.append(ch.lower())
        elif word:
            yield "".join(word)
            word = []
    if word:
        yield "".join(word)

def frequencies(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts

words = list(tokenize(TEXT))
print(len(words), "words,", len(set(words)), "distinct")
counts = frequencies(w for w in words if w not in STOP)
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
width = max(len(w) for w, _ in ranked)
for word, n in ranked[:8]:
    print(f"{word:<{width}} {n:>3} {'#' * n}")
by_length = {}
for w in counts:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))
bigrams = frequencies(zip(words, words[1:]))
top = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print([f"{a} {b}={n}" for (a, b), n in top])
lines = [line.strip() for line in TEXT.strip().splitlines()]
print([len(line.split()) for line in lines], max(lines, key=len)[:20])
print(" ".join(w.capitalize() for w in "a tale of two cities".split()))
print(TEXT.count("it was"), TEXT.find("wisdom"), TEXT.rfind("of"), "despair" in TEXT)
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, "-".join(reversed("2024-01-15".split("-"))))
