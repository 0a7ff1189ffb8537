# helper: functions that raise from inside the module
def divide(a, b):
    return a / b


def nested(items):
    return [divide(1, x) for x in items]
