# tests: sys.exit() with no argument and with None exits 0
import sys
print("exit with no arg")
sys.exit()
