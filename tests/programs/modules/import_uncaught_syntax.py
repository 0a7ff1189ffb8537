# tests: an uncaught SyntaxError from compiling an imported module (the traceback shows its file, line and carets)
print("before the import")
import _unclosed
