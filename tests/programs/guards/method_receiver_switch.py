# tests: LOAD_ATTR method sites (x.append, x.upper(), x.get, x.count, x.index) where the receiver switches list/str/dict/tuple/int (AttributeError caught)
receivers = [[], "abc", {"k": 1}, (1, 2, 1), 42, [5], "XyZ", {}]
results = []
for ph, proto in enumerate(receivers):
    x = proto
    c = {"ok": 0, "AttributeError": 0, "TypeError": 0, "ValueError": 0}
    for i in range(60):
        for meth in range(4):
            try:
                if meth == 0:
                    x.append(i)
                elif meth == 1:
                    r = x.upper()
                elif meth == 2:
                    r = x.get("k", 0)
                else:
                    r = x.count(1) + x.index(1)
                c["ok"] += 1
            except AttributeError:
                c["AttributeError"] += 1
            except (TypeError, ValueError) as e:
                c[type(e).__name__] += 1
    size = len(x) if hasattr(x, "__len__") else -1
    print(ph, type(x).__name__, c, size)

out = []
for i in range(200):
    x = [i, 1] if i < 100 else ("a%d" % i if i < 150 else {i: 1})
    f = x.__len__
    out.append(f())
    m = getattr(x, "copy", None)
    if m is not None:
        out.append(len(m()))
print(sum(out), out[-4:])
s = "Hello"
up = s.upper
for i in range(80):
    s = up() if i < 60 else s.lower()
print(s, "ab".join(["1", "2", "3"]), [3, 1, 2].index(2))
