# helper: the other half of the failing from-import cycle
from _circ_c import c_value
d_value = "D"
