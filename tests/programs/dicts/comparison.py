# tests: dict equality (order-insensitive), != , nested dict equality, ordering errors
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, a != b, list(a) == list(b))
print({1: "a"} == {1.0: "a"}, {} == {}, {"k": [1, 2]} == {"k": [1, 2]})
print({"a": {"b": 1}} == {"a": {"b": 1}}, {"a": {"b": 1}} == {"a": {"b": 2}})
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
