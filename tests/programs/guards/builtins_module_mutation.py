# tests: LOAD_GLOBAL builtin lookups when the builtins module itself is changed (name added, replaced, removed) via sys.modules, plus global shadowing
import sys
b = sys.modules["builtins"]

def probe():
    return cpjit_probe_name * 2

def count(x):
    return len(x)

res = []
for i in range(320):
    if i == 60:
        b.cpjit_probe_name = 21
    if i == 120:
        cpjit_probe_name = "g"
    if i == 180:
        del cpjit_probe_name
    if i == 240:
        b.cpjit_probe_name = [1]
    if i == 280:
        del b.cpjit_probe_name
    try:
        res.append(probe())
    except NameError:
        res.append("NE")
print([res[k] for k in (0, 59, 60, 119, 120, 179, 180, 239, 240, 279, 280, 319)])

original_len = b.len
lens = []
for i in range(200):
    if i == 80:
        b.len = lambda x: -1
    if i == 140:
        b.len = original_len
    lens.append(count("abcd"))
print(lens[79], lens[80], lens[139], lens[140], sum(lens))
print(len("xyz"), hasattr(b, "cpjit_probe_name"))
