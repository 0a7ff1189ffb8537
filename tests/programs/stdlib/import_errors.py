import math, random, collections
import heapq as hq
print(hq.heappop([3]), math.floor(2.5))
try:
    import numpy
except ImportError as e:
    print(type(e).__name__, e)
try:
    import os2, xyz_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import notamodule
except ModuleNotFoundError as e:
    print(e)
import itertools
import itertools as it2
print(itertools is it2)
from collections import deque as dq, Counter
print(dq([1]), Counter("aa"))
try:
    import a.b.c
except ModuleNotFoundError as e:
    print(e)
try:
    import math.foo
except ModuleNotFoundError as e:
    print(e)
try:
    import collections.nope
except ModuleNotFoundError as e:
    print(e)
try:
    import random.x.y
except ModuleNotFoundError as e:
    print(e)
import missing_module_here
