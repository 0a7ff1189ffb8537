# tests: exception raised deep in method calls of user classes, uncaught, with a custom __str__
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        return self.balance

class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        self.account = account
        self.amount = amount
    def __str__(self):
        return f"{self.account.owner} has {self.account.balance}, needs {self.amount}"

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, owner, balance):
        self.accounts[owner] = Account(owner, balance)
    def transfer(self, src, dst, amount):
        self.accounts[src].withdraw(amount)
        self.accounts[dst].balance += amount

bank = Bank()
bank.open("ann", 100)
bank.open("bob", 20)
bank.transfer("ann", "bob", 30)
print({k: v.balance for k, v in bank.accounts.items()})
bank.transfer("bob", "ann", 500)
