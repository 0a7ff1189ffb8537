# tests: dict.get with defaults, `or` fallbacks, setdefault with lists, pop with default, in-place counting
text = "abracadabra"
freq = {}
for ch in text:
    freq[ch] = freq.get(ch, 0) + 1
print(freq)
index = {}
for i, ch in enumerate(text):
    index.setdefault(ch, []).append(i)
print(index)
print(freq.get("z") or "none", freq.pop("z", -1), freq.pop("a"))
print(freq)
cfg = {"debug": 0, "name": ""}
print(cfg.get("debug", True), cfg.get("name") or "anon", cfg.get("missing", "dflt"))
