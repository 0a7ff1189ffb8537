# helper subpackage
from .. import _leaf as parent_leaf
from ..._nowhere import x
