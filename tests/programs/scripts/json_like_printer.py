# tests: an ordinary recursive serializer: pretty-printing nested dicts/lists/tuples/None/bools/floats to a JSON-like text, with escaping, sorting of keys, cycle detection by id, and a tiny parser reading it back
def dump(obj, indent=0, seen=None):
    if seen is None:
        seen = set()
    pad = "  " * indent
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        out = obj.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{out}"'
    if id(obj) in seen:
        raise ValueError("circular reference")
    seen.add(id(obj))
    try:
        if isinstance(obj, dict):
            if not obj:
                return "{}"
            inner = [f'{pad}  {dump(str(k))}: {dump(v, indent + 1, seen)}' for k, v in sorted(obj.items(), key=lambda kv: str(kv[0]))]
            return "{\n" + ",\n".join(inner) + "\n" + pad + "}"
        if isinstance(obj, (list, tuple)):
            if not obj:
                return "[]"
            inner = [pad + "  " + dump(v, indent + 1, seen) for v in obj]
            return "[\n" + ",\n".join(inner) + "\n" + pad + "]"
    finally:
        seen.discard(id(obj))
    raise TypeError(f"cannot serialize {type(obj).__name__}")

def parse(text):
    pos = 0
    def skip():
        nonlocal pos
        while pos < len(text) and text[pos] in " \n\t":
            pos += 1
    def value():
        nonlocal pos
        skip()
        ch = text[pos]
        if ch == "{":
            pos += 1
            result = {}
            skip()
            if text[pos] == "}":
                pos += 1
                return result
            while True:
                k = value()
                skip()
                pos += 1
                result[k] = value()
                skip()
                if text[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return result
        if ch == "[":
            pos += 1
            items = []
            skip()
            if text[pos] == "]":
                pos += 1
                return items
            while True:
                items.append(value())
                skip()
                if text[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return items
        if ch == '"':
            end = pos + 1
            buf = []
            while text[end] != '"':
                if text[end] == "\\":
                    end += 1
                    buf.append({"n": "\n"}.get(text[end], text[end]))
                else:
                    buf.append(text[end])
                end += 1
            pos = end + 1
            return "".join(buf)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if text.startswith(word, pos):
                pos += len(word)
                return val
        end = pos
        while end < len(text) and text[end] in "-+.0123456789e":
            end += 1
        num = text[pos:end]
        pos = end
        return float(num) if any(c in num for c in ".e") else int(num)
    return value()

doc = {"name": "cpjit", "version": [3, 13], "tags": ("fast", 'quo"ted', "new\nline"), "ok": True,
       "ratio": 0.25, "none": None, "nested": {"empty": {}, "list": [], "deep": [[1, [2, [3]]]]}}
text = dump(doc)
print(text)
back = parse(text)
print(back["tags"], back["nested"]["deep"], back["ratio"] + 1, back == {**doc, "tags": list(doc["tags"])})
loop = [1]
loop.append(loop)
try:
    dump(loop)
except ValueError as e:
    print("ValueError:", e)
try:
    dump({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
