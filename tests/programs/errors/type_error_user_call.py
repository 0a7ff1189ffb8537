# tests: calling a method with a wrong argument count: TypeError naming the qualified method (exit code 1)
class Greeter:
    def greet(self, name, punctuation="!"):
        return f"Hello, {name}{punctuation}"

g = Greeter()
print(g.greet("world"))
print(g.greet("you", "?"))
print(g.greet("a", "b", "c"))
