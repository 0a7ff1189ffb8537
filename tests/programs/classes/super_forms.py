# tests: super() zero-arg and two-arg forms, super in classmethods and properties, super().__init__ chains
class Animal:
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    @classmethod
    def create(cls, name):
        return cls(name)
    @property
    def title(self):
        return "animal " + self.name
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)
    def speak(self):
        return super().speak() + " (woof)"
    @classmethod
    def create(cls, name):
        obj = super().create(name)
        obj.tricks.append("sit")
        return obj
    @property
    def title(self):
        return "dog/" + super().title

class Puppy(Dog):
    def speak(self):
        return super(Dog, self).speak() + " (yip)"
    def both(self):
        return [super().speak(), super(Puppy, self).speak(), Animal.speak(self)]

d = Dog.create("rex")
print(d, d.tricks, d.speak(), d.title)
p = Puppy("bit", ["roll"])
print(p, p.speak(), p.title)
for s in p.both():
    print(s)
print(Animal.count)

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, k=1):
        self.n += k
        return self

class LoudCounter(Counter):
    def bump(self, k=1):
        print("bump", k)
        return super().bump(k * 2)

c = LoudCounter()
c.bump().bump(5)
print(c.n)
sup = super(LoudCounter, c)
print(type(sup).__name__)
sup.bump(100)
print(c.n)

def outside(self):
    return super().bump()
try:
    outside(c)
except RuntimeError as e:
    print("RuntimeError:", e)
