# tests: syntax error: cannot assign to literal
1 = x
