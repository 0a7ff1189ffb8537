import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.02)
time.sleep(0)
p1 = time.perf_counter()
m1 = time.monotonic()
print(type(t0).__name__, type(p0).__name__, type(m0).__name__)
print(t0 > 1_600_000_000, p1 - p0 >= 0.02, m1 >= m0)
print(type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__, type(time.monotonic_ns()).__name__)
print(time.monotonic_ns() >= 0, abs(time.time_ns() / 1e9 - time.time()) < 5)
for bad in [-1, "x", None, float("nan")]:
    try:
        time.sleep(bad)
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    time.sleep()
except TypeError as e:
    print(e)
try:
    time.time(1)
except TypeError as e:
    print(e)
