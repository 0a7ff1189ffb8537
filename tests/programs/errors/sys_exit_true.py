# tests: sys.exit(True) exits with code 1; sys.exit(256) style large codes avoided
import sys
print("exit True")
sys.exit(True)
