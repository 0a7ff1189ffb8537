# tests: import sys as alias and from sys import names
import sys as system
from sys import maxsize, stdout
print(system.maxsize == maxsize)
stdout.write("via from-import\n")
print(system is not None)
