# tests: an exception raised inside an imported module's function propagates to the top
import _calls_back
print(_calls_back.divide(1, 4))
print(_calls_back.nested([1, 2, 4]))
_calls_back.nested([5, 0])
