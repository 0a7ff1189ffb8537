# tests: sys.exit(-1) exits with status 255 (the code is taken modulo 256 by the OS)
import sys
print("exiting with -1")
sys.exit(-1)
