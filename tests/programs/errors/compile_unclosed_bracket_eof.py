# tests: syntax error: unclosed bracket at end of file
values = [1, 2,
