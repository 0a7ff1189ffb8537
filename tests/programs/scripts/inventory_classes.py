# tests: an ordinary data-structure script: classes for products and an inventory, properties, class-level registries, sorting and reporting, exceptions for business rules
class OutOfStock(Exception):
    pass

class Product:
    _next_id = 1

    def __init__(self, name, price, qty=0, tags=()):
        self.id = Product._next_id
        Product._next_id += 1
        self.name = name
        self.price = price
        self.qty = qty
        self.tags = set(tags)

    @property
    def value(self):
        return round(self.price * self.qty, 2)

    def __repr__(self):
        return f"#{self.id} {self.name} x{self.qty} @ {self.price:.2f}"

class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []

    def add(self, product):
        if product.name in self.items:
            raise ValueError(f"duplicate product {product.name!r}")
        self.items[product.name] = product
        self.log.append(("add", product.name))
        return self

    def take(self, name, n=1):
        p = self.items[name]
        if p.qty < n:
            raise OutOfStock(f"{name}: wanted {n}, have {p.qty}")
        p.qty -= n
        self.log.append(("take", name, n))
        return p.price * n

    def restock(self, name, n):
        self.items[name].qty += n
        self.log.append(("restock", name, n))

    def total_value(self):
        return round(sum(p.value for p in self.items.values()), 2)

    def by_tag(self, tag):
        return sorted(p.name for p in self.items.values() if tag in p.tags)

    def report(self):
        rows = sorted(self.items.values(), key=lambda p: (-p.value, p.name))
        for p in rows:
            print(f"  {p.name:<10}{p.qty:>4}{p.value:>10.2f}  {','.join(sorted(p.tags)) or '-'}")
        print(f"  {'total':<14}{self.total_value():>10.2f}")

inv = Inventory()
inv.add(Product("widget", 2.5, 100, ["metal", "small"])).add(Product("gadget", 12.99, 7, ["metal"]))
inv.add(Product("doohickey", 0.35, 1000, ["plastic", "small"])).add(Product("gizmo", 99.0, 1))
inv.report()
print(inv.take("widget", 10), inv.take("gizmo"))
for name, n in [("gizmo", 1), ("gadget", 8), ("nothing", 1)]:
    try:
        inv.take(name, n)
    except OutOfStock as e:
        print("OutOfStock:", e)
    except KeyError as e:
        print("KeyError:", e)
try:
    inv.add(Product("widget", 1.0))
except ValueError as e:
    print("ValueError:", e)
inv.restock("gizmo", 3)
inv.report()
print(inv.by_tag("small"), inv.by_tag("metal"), inv.by_tag("wood"))
print(len(inv.log), inv.log[-3:], Product._next_id)
print(sorted(inv.items.values(), key=lambda p: p.price)[0], max(inv.items.values(), key=lambda p: p.qty))
