# tests: assert with and without message, AssertionError args, assert on truthy values
assert True
assert 1 == 1, "not raised"
assert [1]
try:
    assert 1 == 2
except AssertionError as e:
    print("no message:", repr(e), e.args)
try:
    assert False, "custom message"
except AssertionError as e:
    print("with message:", e, e.args)
try:
    assert [], ("tuple", 1)
except AssertionError as e:
    print(e.args)
x = 5
try:
    assert x < 0, f"x={x} must be negative"
except AssertionError as e:
    print(e)
print("done")
