# tests: try/finally interacting with return, break and continue; finally overriding returns; exceptions swallowed by finally return; else clauses
def ret_in_try():
    try:
        return "try"
    finally:
        print("finally after return")

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

def return_value_evaluated_first():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x changed to", x)

print(ret_in_try(), finally_overrides(), finally_swallows(), return_value_evaluated_first())

def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_break())

def loop_continue():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("fin")
    return out
print(loop_continue())

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_in_finally())

def nested():
    log = []
    try:
        try:
            log.append("inner try")
            raise TypeError("t")
        except TypeError:
            log.append("inner except")
            raise ValueError("v")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append(f"outer except {e}")
    else:
        log.append("outer else")
    finally:
        log.append("outer finally")
    return log
print(nested())

def else_clause(fail):
    log = []
    try:
        if fail:
            raise RuntimeError("fail")
    except RuntimeError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(else_clause(False), else_clause(True))

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("tick", n)
print(while_finally())

def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
gen = generator_finally()
for v in gen:
    print("gen value", v)
    break
gen.close()

def except_star_types():
    results = []
    for exc in [ValueError("a"), KeyError("b"), ZeroDivisionError("c"), OSError("d")]:
        try:
            raise exc
        except (ValueError, KeyError) as e:
            results.append(("tuple", type(e).__name__))
        except ArithmeticError as e:
            results.append(("base", type(e).__name__))
        except Exception as e:
            results.append(("generic", type(e).__name__))
    return results
print(except_star_types())

def deep_return(n):
    try:
        if n == 0:
            return "bottom"
        return deep_return(n - 1) + f"<{n}"
    finally:
        pass
print(deep_return(4))

def exception_in_else():
    try:
        pass
    except ValueError:
        return "except"
    else:
        raise KeyError("from else")
try:
    exception_in_else()
except KeyError as e:
    print("KeyError:", e)

count = 0
def finally_counts():
    global count
    for i in range(10):
        try:
            try:
                if i % 3 == 0:
                    raise ValueError
            finally:
                count += 1
        except ValueError:
            continue
    return count
print(finally_counts())
