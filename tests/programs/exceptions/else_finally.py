# tests: try/except/else/finally ordering, finally on return/break/continue, return in finally
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise RuntimeError("boom")
    except RuntimeError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(False), run(True))
def ret():
    try:
        return "from try"
    finally:
        print("finally before return")
print(ret())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
i = 0
while True:
    try:
        i += 1
        if i == 3:
            break
    finally:
        print("while finally", i)
def swallow():
    try:
        1 / 0
    finally:
        return "finally swallowed"
print(swallow())
