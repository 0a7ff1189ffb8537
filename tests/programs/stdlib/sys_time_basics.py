# tests: sys attributes a program can rely on (version_info, maxsize, argv, path types, recursion limit, stdout/stderr writes, exit in try) and time functions used for measuring
import sys
import time

print(sys.version_info[:2], sys.version_info[0], sys.version_info >= (3, 8), type(sys.version).__name__)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, isinstance(sys.argv, list), len(sys.argv))
print(sys.getrecursionlimit() >= 1000, sys.byteorder, sys.platform.startswith("linux"))
n = sys.stdout.write("written directly\n")
print(n)
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
sys.stdout.write("no newline")
sys.stdout.write(" -- continued\n")
print("modules has sys:", "sys" in sys.modules, "time" in sys.modules)

def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(500))
old = sys.getrecursionlimit()
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
total = sum(i * i for i in range(20000))
elapsed = time.perf_counter() - p0
print(total, elapsed >= 0, time.time() >= t0, time.monotonic() >= m0, type(time.time()).__name__)
print(type(time.perf_counter_ns()).__name__, time.perf_counter_ns() > 0, time.time_ns() // 10 ** 9 >= int(t0) - 1)
time.sleep(0.001)
print("slept")

try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit caught:", e.code, type(e).__name__, e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit caught:", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit caught:", e.code)
print("end")
