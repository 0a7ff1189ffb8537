# tests: syntax error: unterminated string literal
print("never")
s = "abc
