# tests: an ordinary reporting script: parsing CSV-like text by hand, aggregating with dicts and tuples, string formatting of a table with alignment, percentages and totals
DATA = """region,product,units,price
north,apples,120,0.5
south,apples,80,0.55
north,pears,45,0.8
east,apples,200,0.45
south,plums,60,1.2
east,pears,30,0.85
north,plums,15,1.25
"""

def parse(text):
    lines = text.strip().splitlines()
    header = lines[0].split(",")
    rows = []
    for line in lines[1:]:
        fields = dict(zip(header, line.split(",")))
        fields["units"] = int(fields["units"])
        fields["price"] = float(fields["price"])
        rows.append(fields)
    return rows

rows = parse(DATA)
revenue = {}
units = {}
for r in rows:
    key = (r["region"], r["product"])
    revenue[key] = revenue.get(key, 0) + r["units"] * r["price"]
    units[r["region"]] = units.get(r["region"], 0) + r["units"]

total = sum(revenue.values())
print(f"{'region':<8}{'product':<9}{'revenue':>9}{'share':>8}")
print("-" * 34)
for (region, product), value in sorted(revenue.items(), key=lambda kv: -kv[1]):
    print(f"{region:<8}{product:<9}{value:>9.2f}{value / total:>8.1%}")
print("-" * 34)
print(f"{'total':<17}{total:>9.2f}{1:>8.0%}")
print()
by_region = {}
for (region, _), value in revenue.items():
    by_region[region] = by_region.get(region, 0) + value
for region in sorted(by_region):
    bar = "*" * round(by_region[region] / 10)
    print(f"{region:>6} | {bar:<12}| {units[region]:>4} units, avg {by_region[region] / units[region]:.3f}")
best = max(rows, key=lambda r: r["units"] * r["price"])
print("best line:", ", ".join(f"{k}={v}" for k, v in best.items()))
products = sorted({r["product"] for r in rows})
print("matrix:")
print("       " + "".join(f"{p:>8}" for p in products))
for region in sorted(units):
    cells = []
    for p in products:
        v = revenue.get((region, p))
        cells.append(f"{v:>8.1f}" if v is not None else f"{'-':>8}")
    print(f"{region:<7}" + "".join(cells))
print("{:,}".format(1234567), "{:_}".format(9876543210), f"{0.000123:.2e}", f"{-42:+d}", f"{255:#x}", f"{7:08b}")
