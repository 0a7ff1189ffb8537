# tests: uncaught NotImplementedError
def todo():
    raise NotImplementedError("later")
todo()
