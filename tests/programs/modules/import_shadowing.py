# tests: a file on sys.path shadows a standard-library module, but not a built-in one (sys, time)
import sys

sys.path.insert(0, sys.path[0] + "/_shadow")
import heapq

print(heapq.marker)
h = []
heapq.heappush(h, 5)
print(h, heapq.__name__)
import time

print(hasattr(time, "marker"), type(time.time()).__name__)
del sys.modules["heapq"]
sys.path.pop(0)
import heapq as real_heapq

h = []
real_heapq.heappush(h, 3)
real_heapq.heappush(h, 1)
print(h, hasattr(real_heapq, "marker"))
