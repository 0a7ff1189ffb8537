# tests: if/elif/else chains, nested ifs, truthiness of conditions
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2 == 0:
            return "small even"
        else:
            return "small odd"
    else:
        return "large"
for v in [-5, 0, 3, 4, 10, 99]:
    print(v, classify(v))
for cond in [0, 1, "", "x", [], [0], None, 0.0]:
    if cond:
        print(repr(cond), "truthy")
    else:
        print(repr(cond), "falsy")
x = 7
if x > 5: print("gt5")
if x > 100: print("never")
elif x > 6: print("gt6")
