# helper: a module that is also runnable as a script
def main():
    return "main() called"


RESULT = "module body ran as " + __name__

if __name__ == "__main__":
    print("running as a script")
else:
    print("imported, not running main")
