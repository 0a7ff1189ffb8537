# Generators drained by builtins that let the collector run meanwhile (list, tuple,
# set, frozenset, sum, any, all): what was gathered so far, the start value and the
# generator itself must survive collections (the gc-stress modes collect often).
r = sum(([i, str(i)] for i in range(3000)), [])
print(len(r), r[:4], r[-2:])
print(any(str(i) == "2999" for i in range(3000)), all([i] for i in range(3000)))
print(len(list(str(i) * 3 for i in range(5000))), len(tuple([i] for i in range(5000))), len(frozenset(str(i) for i in range(5000))))
print(sorted(set(str(i % 7) for i in range(10000))))
