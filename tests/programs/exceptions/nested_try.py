# tests: nested try blocks, inner handler misses -> outer catches, exceptions raised in handlers/finally
def layered(kind):
    try:
        try:
            if kind == 1:
                raise KeyError("k")
            if kind == 2:
                raise ValueError("v")
            return "no error"
        except KeyError as e:
            return "inner caught " + repr(e)
        finally:
            print("inner finally", kind)
    except ValueError as e:
        return "outer caught " + repr(e)
for k in range(3):
    print(layered(k))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("raised in handler")
except TypeError as e:
    print("outer got", e)
try:
    try:
        raise ValueError("original")
    finally:
        print("cleanup runs")
except ValueError as e:
    print("propagated", e)
