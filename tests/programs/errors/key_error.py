# tests: uncaught KeyError with a string key
ages = {"ann": 31}
print(ages["ann"])
print(ages["bob"])
