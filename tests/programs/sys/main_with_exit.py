# tests: main() pattern with sys.exit(main()) returning 0
import sys
def main():
    print("args:", len(sys.argv))
    return 0
if __name__ == "__main__":
    sys.exit(main())
