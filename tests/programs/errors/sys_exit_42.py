# tests: sys.exit(42) inside a loop; finally blocks run on the way out
import sys
try:
    for i in range(10):
        print(i)
        if i == 2:
            sys.exit(42)
finally:
    print("finally on exit")
