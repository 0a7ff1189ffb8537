# tests: map/filter/sorted with user functions, function composition, reduce written by hand
def reduce(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc
nums = list(range(1, 11))
print(reduce(lambda a, b: a + b, nums, 0), reduce(lambda a, b: a * b, nums, 1))
print(list(map(lambda x: x ** 2, filter(lambda x: x % 2, nums))))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
def pipeline(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run
p = pipeline(lambda x: x + 1, lambda x: x * 10, str, len)
print(p(5), p(123456))
