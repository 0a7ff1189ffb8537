# tests: class attributes vs instance attributes: mutable class attributes shared across instances, shadowing by assignment, class attribute updates visible through instances, setattr on classes, methods added after creation
class Team:
    members = []
    size = 0
    def __init__(self, name):
        self.name = name
    def add_shared(self, who):
        self.members.append(who)
    def add_own(self, who):
        self.members = self.members + [who]
    def grow(self):
        self.size += 1

a, b = Team("a"), Team("b")
a.add_shared("x")
b.add_shared("y")
print(Team.members, a.members is b.members)
a.add_own("z")
print(a.members, b.members, Team.members, "members" in vars(a), "members" in vars(b))
a.grow(); a.grow(); b.grow()
print(a.size, b.size, Team.size)
Team.size = 100
c = Team("c")
print(a.size, b.size, c.size)
Team.motto = "together"
print(a.motto, c.motto)
setattr(Team, "greet", lambda self: f"hi from {self.name}")
print(a.greet(), Team.greet(b))
def describe(self):
    return f"{self.name}: {len(self.members)} members"
Team.describe = describe
print([t.describe() for t in (a, b, c)])
del Team.motto
print(hasattr(a, "motto"), getattr(c, "motto", "gone"))

class Config:
    defaults = {"debug": False, "level": 1}
    def __init__(self, **overrides):
        self.settings = dict(self.defaults)
        self.settings.update(overrides)
    @classmethod
    def set_default(cls, key, value):
        cls.defaults = {**cls.defaults, key: value}

class DevConfig(Config):
    defaults = {**Config.defaults, "debug": True}

print(Config().settings, DevConfig().settings, DevConfig(level=5).settings)
DevConfig.set_default("color", "red")
print(Config.defaults, DevConfig.defaults, DevConfig().settings)
print(Config.__dict__["defaults"] is not DevConfig.__dict__["defaults"])
