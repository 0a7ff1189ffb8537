# tests: /, //, % sites whose operands switch int -> negative -> float -> bigint, with ZeroDivisionError raised midway at a hot site
def ops(a, b):
    return a // b, a % b, a / b

divisors = [7, -7, 2.5, -0.5, 2 ** 70, -(2 ** 65), 3]
for ph, b in enumerate(divisors):
    qs = 0
    rs = 0
    last = None
    for i in range(-30, 30):
        q, r, t = ops(i * 11, b)
        qs = qs + q
        rs = rs + r
        last = (q, r, t)
    print(ph, b, qs, rs, last)

errs = 0
total = 0
for i in range(200):
    b = (i % 50) - 25 if i > 100 else (i % 9) + 1
    try:
        total = total + (1000 // b) + (1000 % b)
    except ZeroDivisionError:
        errs = errs + 1
print("total", total, "errs", errs)
for i in range(100):
    b = 0.0 if i == 80 else 1.0 + i
    try:
        total = total + 10.0 / b
    except ZeroDivisionError as e:
        print("float div", i, type(e).__name__)
print(round(total, 6))
print(divmod(-7, 2), divmod(7.5, -2), divmod(2 ** 64, -3), (-(2 ** 63)) // -1)
print(-7.5 // 2, -7.5 % 2, 7 % -3.0, -0.0 % 5, 5 % -0.5)
