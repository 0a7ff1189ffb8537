# tests: syntax error: unmatched ')'
print("x"))
