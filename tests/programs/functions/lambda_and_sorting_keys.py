# tests: lambdas as sort keys and callbacks: multi-level sorting, stability, reverse with keys, key functions returning tuples with mixed directions, sorted on dict items, closures in keys, min/max ties
people = [("ann", 31, "oslo"), ("bob", 25, "rome"), ("cy", 31, "lima"), ("dee", 25, "oslo"), ("eve", 40, "rome")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: (p[2], p[1]), reverse=True))
by_city = sorted(people, key=lambda p: p[0], reverse=True)
by_city.sort(key=lambda p: p[2])
print([p[0] for p in by_city])
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: (p[1], p[2])), max(people, key=lambda p: p[1] // 10))
scores = {"math": 88, "art": 95, "history": 88, "cs": 100}
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])), sorted(scores, key=scores.get)[:2])
words = ["banana", "pie", "Apple", "kiwi", "cherry", "fig"]
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w.lower())), sorted(words, key=str.casefold))
weights = {"pie": 3, "fig": 1}
print(sorted(words, key=lambda w, d=weights: d.get(w, 0)))
order = "zyxwvutsrqponmlkjihgfedcba"
print(sorted(["apple", "zebra", "mango"], key=lambda w: [order.index(c) for c in w]))
nums = [5, -3, 2, -8, 0, 7]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (n < 0, abs(n))), list(filter(lambda n: n > 0, nums)))
print(list(map(lambda n, m: n * m, nums, reversed(nums))), sorted(map(lambda p: p[2], people)))
print(sorted([[3, "c"], [1, "a"], [2, "b"]])[0], sorted([(1, "b"), (1, "a")], key=lambda t: t[0]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(people, key=lambda p: p[5])
except IndexError as e:
    print("IndexError:", e)
