# tests: escape sequences, raw strings, triple-quoted strings, unicode escapes
print("tab:\tend")
print("newline:\nend")
print("backslash: \\ quote: \" apostrophe: \'")
print(r"raw \n stays", len(r"\n"), len("\n"))
print("\x41\x42\u00e9\u2713\U0001F600")
print("\101\102")
print("""multi
line
string""")
s = '''it's "quoted"'''
print(s)
print(len("\N{GREEK SMALL LETTER ALPHA}"), "\N{GREEK SMALL LETTER ALPHA}")
print("a" "b" 'c', "end")
