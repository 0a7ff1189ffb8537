# tests: replace (with count), partition, rpartition
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("x", "y"), s.replace("", "-", 3))
print("aaa".replace("a", "bb"), "abc".replace("", "."), "abc".replace("b", ""))
print(s.partition(" "), s.rpartition(" "))
print(s.partition("two"), s.rpartition("two"))
print(s.partition("zzz"), s.rpartition("zzz"))
print("key=value=x".partition("="), "key=value=x".rpartition("="))
try:
    s.partition("")
except ValueError as e:
    print("ValueError:", e)
