# tests: uncaught RuntimeError raised explicitly, no message
def fail():
    raise RuntimeError
print("calling fail")
fail()
