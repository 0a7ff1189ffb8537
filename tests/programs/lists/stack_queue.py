# tests: list used as a stack and queue, pop(0), insert(0), balanced-bracket check
stack = []
for ch in "abc":
    stack.append(ch)
while stack:
    print("pop", stack.pop())
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for c in s:
        if c in "([{":
            st.append(c)
        elif c in pairs:
            if not st or st.pop() != pairs[c]:
                return False
    return not st
for s in ["()", "([]{})", "(]", "((", "", "a(b[c]d)e"]:
    print(repr(s), balanced(s))
