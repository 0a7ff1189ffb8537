# tests: repr of tuples: empty, singleton, nested, with strings and floats
print((), (1,), (1, 2), ((),), ((1,),), ("a", 'b"', "c'"), (1.0, -0.0, None), ([], {}))
print(repr((1,)), str(("x",)), [(1, 2)], {"k": (3,)})
