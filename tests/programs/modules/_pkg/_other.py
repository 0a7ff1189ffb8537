# helper submodule imported lazily
from ._leaf import where
other_value = where() + "!"
