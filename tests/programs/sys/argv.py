# tests: sys.argv length and basename of sys.argv[0]
import sys
print(len(sys.argv))
print(sys.argv[0].replace("\\", "/").split("/")[-1])
print(type(sys.argv).__name__, isinstance(sys.argv[0], str))
