# helper: raises on import; must not stay in sys.modules
import sys
print("running _fail_once")
raise ValueError("import failed on purpose")
