# tests: nested dicts, building a tree, counting with dicts, grouping
inventory = {"fruit": {"apple": 3, "pear": 0}, "veg": {"leek": 2}}
inventory["fruit"]["kiwi"] = 7
inventory.setdefault("grain", {})["rice"] = 1
print(inventory)
print(sum([sum(v.values()) for v in inventory.values()]))
words = "the cat and the hat and the bat".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in words:
    groups.setdefault(len(w), []).append(w)
print(groups)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
