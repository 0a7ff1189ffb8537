# tests: if __name__ == "__main__": and __name__ value
def main():
    print("in main")
    return 0

print(__name__)
if __name__ == "__main__":
    main()
    print("guard taken")
else:
    print("not main")
