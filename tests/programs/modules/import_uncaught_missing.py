# tests: an uncaught ModuleNotFoundError ends the program with CPython's message
print("before")
import no_such_module_here
print("never")
