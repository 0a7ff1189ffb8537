# tests: finally executes on return/break/continue and exception exit; except variable cleared after block
def f(mode):
    trace = []
    for i in range(3):
        try:
            trace.append("try%d" % i)
            if mode == "break":
                break
            if mode == "continue":
                continue
            if mode == "return":
                return trace
            if mode == "raise":
                raise ValueError(i)
        except ValueError:
            trace.append("except")
        finally:
            trace.append("fin%d" % i)
    return trace
for m in ["break", "continue", "return", "raise", "none"]:
    print(m, f(m))
try:
    raise KeyError("x")
except KeyError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)
