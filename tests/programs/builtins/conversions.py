# tests: int float str repr bool list tuple dict set conversions
print(int("12"), int(12.9), int(-12.9), int(True), int(" 7 "))
print(float("1.5"), float(2), float(" -3 "), float(True))
print(str(12), str(1.5), str([1, "a"]), str(None), repr("a"), repr(1.0))
print(bool(0), bool(3), bool(""), bool("0"), bool([]), bool([[]]), bool(0.0), bool(None))
print(list("ab"), list((1, 2)), list(range(3)), list({"k": 1}))
print(tuple([1, 2]), tuple("xy"), dict([(1, 2)]), sorted(set([3, 1, 3])))
print(int(), float(), str(), bool(), list(), tuple(), dict())
