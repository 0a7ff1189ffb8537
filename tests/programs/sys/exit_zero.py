# tests: sys.exit(0) after output: exit code 0 so no .err is written
import sys
print("clean exit")
sys.exit(0)
