# tests: bare raise in handler propagates to top level (uncaught ValueError)
try:
    int("bad")
except ValueError:
    print("handler runs, then re-raises")
    raise
