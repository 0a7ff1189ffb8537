# tests: sys.stdout.write returns char count, no newline added, interleaves with print
import sys
n = sys.stdout.write("hello")
sys.stdout.write(" world\n")
print(n)
r = sys.stdout.write("héllo ✓\n")
print(r)
sys.stdout.write("")
print("a", end="")
sys.stdout.write("b")
print("c")
for i in range(3):
    sys.stdout.write(str(i) + ",")
sys.stdout.write("\n")
