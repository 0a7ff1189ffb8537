# Building, updating and deleting lists and dicts: append/pop/insert, slicing,
# dict get/set/delete with int and str keys, iteration over items, sorted.
import sys


def list_churn(n):
    items = []
    for i in range(n):
        items.append((i * 7919) % 1000)
    checksum = 0
    while len(items) > 10:
        a = items.pop()
        if len(items) % 97 == 0:
            b = items.pop(0)
        else:
            b = items.pop()
        if a > b:
            items.append(a - b)
        checksum = (checksum + a * 3 + b) % 1000003
    chunks = [items[k : k + 3] for k in range(0, len(items), 3)]
    for chunk in chunks:
        checksum += sum(chunk)
    rows = []
    for i in range(200):
        rows.append([j * i % 17 for j in range(50)])
    for row in rows:
        row.sort()
        del row[0:5]
        row.reverse()
        checksum += row[0] + row[-1] + len(row)
    return checksum


def dict_churn(n):
    counts = {}
    for i in range(n):
        key = (i * 31) % 5003
        counts[key] = counts.get(key, 0) + 1
    names = {}
    for key in counts:
        if key % 3 == 0:
            names["k" + str(key)] = counts[key]
    removed = 0
    for key in [k for k in counts]:
        if key % 5 == 0:
            del counts[key]
            removed += 1
    total = 0
    for key, value in counts.items():
        total += key * value
    for name, value in sorted(names.items())[:50]:
        total += len(name) * value
    return total + removed + len(names)


def grouping(n):
    groups = {}
    for i in range(n):
        bucket = i % 101
        if bucket in groups:
            groups[bucket].append(i)
        else:
            groups[bucket] = [i]
    acc = 0
    for bucket in sorted(groups):
        values = groups[bucket]
        acc = (acc * 13 + max(values) - min(values) + len(values)) % 1000000007
    pairs = {}
    for i in range(n // 4):
        pairs[(i % 50, i % 7)] = i
    for k, v in pairs.items():
        acc += k[0] * k[1] + v % 3
    return acc


def main():
    n = 250000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    total = 0
    for rep in range(5):
        total += list_churn(n + rep)
        total += dict_churn(n + rep)
        total += grouping(n + rep)
    print("list_dict_churn", n, total)


main()
