# tests: OverflowError from float ops vs inf results
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(float(2 ** 2000))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(2 ** 2000 / 1.5)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(2 ** 2000 * 1.0)
except OverflowError as e:
    print(type(e).__name__, e)
print(1e300 * 1e10)
print(-1e300 * 1e10)
print(1.0 * 10 ** 300)
print(2.0 ** 1023, 2.0 ** -1074, 2.0 ** -1080)
