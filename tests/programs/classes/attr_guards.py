# tests: attribute added and deleted mid-loop on instances and classes (specialization guards), methods replaced mid-loop
class Box:
    scale = 2
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v * self.scale

b = Box(3)
total = 0
for i in range(300):
    if i == 100:
        b.extra = 10
    if i == 150:
        del b.extra
    if i == 200:
        Box.scale = 5
    if i == 250:
        b.scale = 1
    total += b.get() + getattr(b, "extra", 0)
print(total, hasattr(b, "extra"), b.scale, Box.scale)

def double(self):
    return self.v * 2

results = []
for i in range(120):
    if i == 60:
        Box.get = double
    results.append(Box(i).get())
print(sum(results), results[59], results[60])
