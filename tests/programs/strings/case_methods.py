# tests: upper lower title capitalize swapcase isupper islower istitle
for s in ["hello World", "HELLO", "hello", "Hello World", "hELLO wORLD", "123abc", "", "a1b2", "it's a dog's life", "  spaced  "]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.isupper(), s.islower(), s.istitle())
