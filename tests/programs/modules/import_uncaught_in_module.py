# tests: an exception raised by a module body while importing is uncaught
print("importing")
import _raises
