# tests: stability of sort across multiple passes and with equal keys; reverse keeps stability
people = [("alice", 30, "nyc"), ("bob", 25, "sf"), ("carol", 30, "sf"), ("dave", 25, "nyc"), ("eve", 35, "sf"), ("frank", 30, "nyc")]
by_city = sorted(people, key=lambda p: p[2])
by_age_then_city = sorted(by_city, key=lambda p: p[1])
for p in by_age_then_city:
    print(p)
print([p[0] for p in sorted(people, key=lambda p: p[1], reverse=True)])
vals = [(i % 4, i) for i in range(16)]
vals.sort(key=lambda v: v[0])
print(vals)
vals.sort(key=lambda v: v[0], reverse=True)
print(vals)
print(sorted(["bb", "a", "ccc", "dd", "e"], key=len))
