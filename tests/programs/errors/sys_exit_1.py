# tests: sys.exit(1) from inside a function
import sys
def main():
    print("main failing")
    sys.exit(1)
main()
