# tests: NameError messages for undefined globals, deleted names, inside functions
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
y = 1
del y
try:
    y
except NameError as e:
    print("NameError:", e)
def uses_missing():
    return missing_global + 1
try:
    uses_missing()
except NameError as e:
    print("NameError:", e)
missing_global = 41
print(uses_missing())
