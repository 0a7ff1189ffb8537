# tests: sys.exit with a non-int, non-None object prints str(obj) to stderr and exits 1
import sys
print("exiting with a list")
sys.exit([1, "two"])
