# tests: exception notes (add_note, __notes__, notes printed after the uncaught exception's message line; exit code 1) and generator state attributes (gi_running, gi_suspended, gi_code)
try:
    raise ValueError("base")
except ValueError as e:
    e.add_note("first note")
    e.add_note("second")
    print(e.__notes__, str(e), repr(e))
    try:
        e.add_note(5)
    except TypeError as t:
        print("TypeError:", t)
def g():
    yield 1
gen = g()
print(gen.gi_running, gen.gi_code.co_name, gen.gi_suspended)
next(gen)
print(gen.gi_running, gen.gi_suspended)
def check_running():
    yield me.gi_running
me = check_running()
print(next(me))
err = KeyError("final")
err.add_note("context: loading config")
raise err
