# tests: repr of dicts with various key/value types, nested and empty
print({1: "a", "b": 2.5, (1, 2): None, None: [1], True: {}, 2.5: ()})
print({"nested": {"deeper": {"deepest": [1, {"x": "y"}]}}})
d = {}
d["self"] = d
print(d)
print(str({"q": "it's"}), repr({"q": 'say "x"'}))
