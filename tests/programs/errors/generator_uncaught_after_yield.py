# tests: an exception thrown into a generator with throw() that the generator does not handle escapes uncaught (exit code 1)
def worker():
    total = 0
    while True:
        value = yield total
        total += value

w = worker()
next(w)
print(w.send(5), w.send(7))
w.throw(ConnectionError("lost connection to worker"))
