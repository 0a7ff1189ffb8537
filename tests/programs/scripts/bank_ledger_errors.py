# tests: an ordinary script that validates transactions with custom exceptions, try/except/else/finally accounting, and ends with an uncaught error to check the exit status
class LedgerError(Exception):
    pass

class UnknownAccount(LedgerError):
    def __init__(self, name):
        super().__init__(f"unknown account {name!r}")
        self.name = name

class Overdraft(LedgerError):
    def __init__(self, name, balance, amount):
        super().__init__(f"{name} would go to {balance - amount}")

class Ledger:
    def __init__(self, **balances):
        self.balances = dict(balances)
        self.applied = 0
        self.rejected = []

    def apply(self, src, dst, amount):
        for name in (src, dst):
            if name not in self.balances:
                raise UnknownAccount(name)
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")
        if self.balances[src] < amount:
            raise Overdraft(src, self.balances[src], amount)
        self.balances[src] -= amount
        self.balances[dst] += amount

    def run(self, transactions):
        for tx in transactions:
            try:
                self.apply(*tx)
            except LedgerError as e:
                self.rejected.append((tx, type(e).__name__, str(e)))
            except ValueError as e:
                self.rejected.append((tx, "ValueError", str(e)))
            else:
                self.applied += 1
            finally:
                assert sum(self.balances.values()) == 300, "money was created or destroyed"

ledger = Ledger(alice=100, bob=100, carol=100)
ledger.run([("alice", "bob", 30), ("bob", "dave", 5), ("carol", "alice", 150), ("bob", "carol", -1),
            ("carol", "bob", 100), ("bob", "alice", 230)])
print(ledger.balances, ledger.applied)
for tx, kind, msg in ledger.rejected:
    print(tx, kind, msg)
ledger.apply("alice", "zed", 1)
