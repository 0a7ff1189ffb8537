# tests: nested exception handlers: handled exception visible in inner handlers, bare raise re-raising the current exception, exceptions inside except blocks, sys.exc_info-free introspection, except order and specificity
import sys

def inner_raise():
    try:
        raise ValueError("inner")
    except ValueError:
        try:
            raise KeyError("nested")
        except KeyError as k:
            print("nested handler sees", repr(k), "context", repr(k.__context__))
        raise

try:
    inner_raise()
except ValueError as e:
    print("outer got", repr(e))

def reraise_other():
    try:
        1 / 0
    except ZeroDivisionError as z:
        err = z
    try:
        raise err
    except ArithmeticError as a:
        print("re-raised saved exception:", repr(a), a is err)
reraise_other()

def handler_order(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError"
    except LookupError:
        return "LookupError"
    except Exception:
        return "Exception"
print([handler_order(e) for e in (KeyError(), IndexError(), LookupError(), TypeError())])

def except_in_except():
    try:
        try:
            raise OSError("disk")
        except OSError:
            raise RuntimeError("while handling disk error")
    except RuntimeError as r:
        return repr(r), repr(r.__context__)
print(except_in_except())

def exc_info_demo():
    try:
        raise IndexError("idx")
    except IndexError:
        t, v, tb = sys.exc_info()
        return t.__name__, str(v), sys.exception() is v
print(exc_info_demo(), sys.exc_info())

def bare_raise_outside():
    try:
        raise
    except RuntimeError as e:
        return str(e)
print(bare_raise_outside())

count = 0
for attempt in range(5):
    try:
        count += 1
        if attempt < 3:
            raise ConnectionError(f"attempt {attempt} failed")
        print("succeeded on attempt", attempt)
        break
    except ConnectionError as e:
        print("retrying after:", e)
print(count)
