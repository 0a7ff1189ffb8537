# tests: OverflowError messages from int->float, float pow, float()
def show(f):
    try:
        print(f())
    except OverflowError as e:
        print("OverflowError:", e)
show(lambda: 2.0 ** 10000)
show(lambda: float(10 ** 400))
show(lambda: 10 ** 400 / 2)
show(lambda: 10 ** 400 + 0.5)
show(lambda: int(float("inf")))
show(lambda: round(float("inf")))
show(lambda: 1e308 * 10)
show(lambda: (10 ** 400) // 3 > 0)
