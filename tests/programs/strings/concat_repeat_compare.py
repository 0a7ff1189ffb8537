# tests: + concatenation, * repetition (incl. 0 and negative), comparison and ordering
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, repr("ab" * -2), "" * 10)
print("abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "apple" > "Apple")
print("abc" == "abc", "abc" != "ABC", "a" <= "a", "b" >= "a")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", ""]))
print(max("hello"), min("hello"), max(["aa", "b", "ab"]))
s = ""
for i in range(5):
    s += str(i)
print(s)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError:", e)
try:
    "a" < 1
except TypeError as e:
    print("TypeError:", e)
