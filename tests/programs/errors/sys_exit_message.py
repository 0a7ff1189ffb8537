# tests: sys.exit('message') prints message to stderr and exits 1
import sys
print("stdout first")
sys.exit("fatal: something went wrong")
