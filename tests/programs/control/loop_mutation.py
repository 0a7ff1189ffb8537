# tests: loop variable rebinding does not affect iteration; iterating over a copy while mutating
for i in range(3):
    print(i)
    i = 100
nums = [1, 2, 3, 4, 5, 6]
for n in nums[:]:
    if n % 2 == 0:
        nums.remove(n)
print(nums)
items = [1, 2, 3]
for x in items:
    if len(items) < 6:
        items.append(x * 10)
print(items)
d = {"a": 1, "b": 2}
for k in list(d.keys()):
    d[k.upper()] = d.pop(k)
print(d)
