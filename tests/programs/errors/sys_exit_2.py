# tests: sys.exit(2) after partial output written with sys.stdout.write (no trailing newline)
import sys
sys.stdout.write("partial line without newline")
sys.exit(2)
