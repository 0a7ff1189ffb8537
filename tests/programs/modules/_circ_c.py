# helper: a from-import cycle that fails (the name does not exist yet)
from _circ_d import d_value
c_value = "C"
