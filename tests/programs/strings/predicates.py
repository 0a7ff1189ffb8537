# tests: isdigit isalpha isalnum isspace isupper islower isdecimal isnumeric isidentifier
samples = ["123", "abc", "abc123", "   ", "\t\n", "", "ABC", "abc ", "Ab", "1.5", "-1", "_x", "x_1", "ÀÉ", "²"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.isdecimal(), s.isnumeric(), s.isidentifier())
