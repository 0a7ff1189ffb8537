# tests: sys.exit(3) exits with code 3 after output
import sys
print("exiting with 3")
sys.exit(3)
print("never")
